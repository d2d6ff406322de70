using System;
using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Storage;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>
    /// Inputs for a parser of enveloped files (memory, cache): most mutations edit the MessagePack payload and wrap
    /// it again with a valid length and CRC-32 (else nearly every input would stop at the CRC check), some edit the
    /// whole file (the envelope itself).
    /// </summary>
    internal sealed class EnvelopeInputs
    {
        private readonly char _kind;
        private readonly List<byte[]> _files;
        private readonly List<byte[]> _payloads;

        public EnvelopeInputs(char kind, IEnumerable<byte[]> files)
        {
            _kind = kind;
            _files = files.ToList();
            _payloads = _files.Where(f => f.Length >= Envelope.HeaderSize).Select(f => f.Skip(Envelope.HeaderSize).ToArray()).ToList();
        }

        public IEnumerable<byte[]> Systematic() =>
            _files.Concat(ByteMutator.Systematic(_payloads).Select(Wrap)).Concat(ByteMutator.Systematic(_files.Take(3).ToList()));

        public byte[] Mutate(Random random) =>
            random.Next(5) == 0 ? ByteMutator.Mutate(random, _files) : Wrap(MessagePackBytes.Mutate(random, _payloads));

        private byte[] Wrap(byte[] payload) => Envelope.Wrap(_kind, payload);
    }
}
