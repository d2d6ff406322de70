// System.Threading.Tasks.Extensions as Unity's Mono profile provides it: a facade forwarding ValueTask and its
// builders to the runtime's own.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("4.2.99.0")]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.AsyncMethodBuilderAttribute))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder<>))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable<>))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.ValueTaskAwaiter))]
[assembly: TypeForwardedTo(typeof(System.Runtime.CompilerServices.ValueTaskAwaiter<>))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.Sources.IValueTaskSource))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.Sources.IValueTaskSource<>))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.Sources.ValueTaskSourceOnCompletedFlags))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.Sources.ValueTaskSourceStatus))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.ValueTask))]
[assembly: TypeForwardedTo(typeof(System.Threading.Tasks.ValueTask<>))]
