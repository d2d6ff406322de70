using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using VoiceNpc.Conversation;

namespace VoiceNpc.Tracing
{
    /// <summary>
    /// Records a conversation's events to a trace file: a "VNPC" 'T' header, then records framed as length, CRC-32,
    /// MessagePack payload. Append-only, so a crash loses at most the records not yet flushed (flushed at every turn
    /// and on dispose), and the reader stops cleanly at a torn last record. Bounded: past <see cref="MaxBytes"/> one
    /// "trace-full" record is written and the rest is not recorded.
    /// </summary>
    public sealed class TraceWriter : IDisposable
    {
        internal static readonly byte[] Header = { (byte)'V', (byte)'N', (byte)'P', (byte)'C', (byte)'T', 1 };
        private const int FrameHeader = 8, Reserve = 256;
        private readonly FileStream _file;
        private long _written;
        private bool _full;

        public TraceWriter(string path, long maxBytes = 16L * 1024 * 1024)
        {
            if (maxBytes < Header.Length + Reserve * 2) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "a trace needs at least 518 bytes");
            if (maxBytes > TraceFile.MaxBytes) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, $"a trace is read up to {TraceFile.MaxBytes} bytes");
            MaxBytes = maxBytes;
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder != null) Directory.CreateDirectory(folder);
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
            _file.Write(Header, 0, Header.Length);
            _written = Header.Length;
        }

        public long MaxBytes { get; }

        /// <summary>Records every event the conversation raises (on the thread that calls its Pump).</summary>
        public void Attach(VoiceConversation conversation) => conversation.EventRaised += Record;

        public void Record(ConversationEvent e) => Write(TraceEvents.ToRecord(e));

        public void Write(TraceRecord record)
        {
            if (_full) return;
            var payload = TraceCodec.Encode(record);
            if (_written + FrameHeader + payload.Length > MaxBytes - Reserve)
            {
                _full = true;
                payload = TraceCodec.Encode(new TraceRecord("trace-full", record.At, 0, new System.Collections.Generic.Dictionary<string, object?> { ["max_bytes"] = MaxBytes }));
            }
            var frame = new byte[FrameHeader];
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
            _file.Write(frame, 0, frame.Length);
            _file.Write(payload, 0, payload.Length);
            _written += frame.Length + payload.Length;
            if (record.Kind == "turn" || _full) _file.Flush();
        }

        public void Dispose()
        {
            _file.Flush();
            _file.Dispose();
        }
    }
}
