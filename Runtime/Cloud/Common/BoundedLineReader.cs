using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Reads the lines of a streamed response (NDJSON) with a cap on a line's length, so a response that never breaks
    /// its line cannot exhaust memory: a longer line fails the provider.
    /// </summary>
    public sealed class BoundedLineReader
    {
        private readonly TextReader _reader;
        private readonly int _maxChars;
        private readonly string _provider;
        private readonly char[] _buffer = new char[8192];
        private readonly StringBuilder _line = new StringBuilder();
        private int _start, _end;

        public BoundedLineReader(TextReader reader, int maxChars, string provider)
        {
            _reader = reader;
            _maxChars = maxChars;
            _provider = provider;
        }

        /// <summary>The next line without its line break; null at the end of the response.</summary>
        public async Task<string?> ReadLineAsync()
        {
            _line.Clear();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await _reader.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
                    if (_end == 0) return _line.Length == 0 ? null : _line.ToString();
                }
                int newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
                int stop = newline < 0 ? _end : newline;
                if (_line.Length + stop - _start > _maxChars)
                    throw new ProviderException(_provider, $"a line of more than {_maxChars} characters came: not one the protocol sends");
                _line.Append(_buffer, _start, stop - _start);
                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0) return _line.ToString().TrimEnd('\r');
            }
        }
    }
}
