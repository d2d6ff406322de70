// System.Memory as Unity's Mono profile provides it: a facade forwarding to the runtime's own Span and friends, so
// netstandard2.0 dependencies that reference System.Memory bind to the same types as netstandard2.1 code does.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyVersion("4.0.99.0")]
[assembly: TypeForwardedTo(typeof(System.Buffers.Binary.BinaryPrimitives))]
[assembly: TypeForwardedTo(typeof(System.Buffers.BuffersExtensions))]
[assembly: TypeForwardedTo(typeof(System.Buffers.IBufferWriter<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.IMemoryOwner<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.IPinnable))]
[assembly: TypeForwardedTo(typeof(System.Buffers.MemoryHandle))]
[assembly: TypeForwardedTo(typeof(System.Buffers.MemoryManager<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.MemoryPool<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.OperationStatus))]
[assembly: TypeForwardedTo(typeof(System.Buffers.ReadOnlySequence<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.ReadOnlySequenceSegment<>))]
[assembly: TypeForwardedTo(typeof(System.Buffers.StandardFormat))]
[assembly: TypeForwardedTo(typeof(System.Buffers.Text.Base64))]
[assembly: TypeForwardedTo(typeof(System.Buffers.Text.Utf8Formatter))]
[assembly: TypeForwardedTo(typeof(System.Buffers.Text.Utf8Parser))]
[assembly: TypeForwardedTo(typeof(System.Memory<>))]
[assembly: TypeForwardedTo(typeof(System.MemoryExtensions))]
[assembly: TypeForwardedTo(typeof(System.ReadOnlyMemory<>))]
[assembly: TypeForwardedTo(typeof(System.ReadOnlySpan<>))]
[assembly: TypeForwardedTo(typeof(System.Runtime.InteropServices.MemoryMarshal))]
[assembly: TypeForwardedTo(typeof(System.Runtime.InteropServices.SequenceMarshal))]
[assembly: TypeForwardedTo(typeof(System.SequencePosition))]
[assembly: TypeForwardedTo(typeof(System.Span<>))]
