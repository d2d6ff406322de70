// System.Buffers as Unity's Mono profile provides it: a facade forwarding ArrayPool to the runtime's own.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("4.0.99.0")]
[assembly: TypeForwardedTo(typeof(System.Buffers.ArrayPool<>))]
