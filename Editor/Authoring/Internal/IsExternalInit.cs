namespace System.Runtime.CompilerServices
{
    // netstandard2.1 lacks this marker type; C# 9 records and init accessors need it.
    internal static class IsExternalInit { }
}
