using System;
using System.Collections.Generic;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A stage's providers in the character's fallback order. <see cref="Current"/> answers until it fails; then
    /// <see cref="FallBack"/> moves to the next and reports the switch. Thread-safe: workers share it.
    /// </summary>
    public sealed class StageChain<T> : IDisposable where T : class, IDisposable
    {
        private readonly IReadOnlyList<(string Name, T Provider)> _providers;
        private readonly object _gate = new object();
        private int _index;

        public StageChain(string stage, IReadOnlyList<(string Name, T Provider)> providers)
        {
            if (providers.Count == 0) throw new ArgumentException($"the {stage} stage needs at least one provider", nameof(providers));
            Stage = stage;
            _providers = providers;
        }

        public string Stage { get; }

        public string CurrentName { get { lock (_gate) return _providers[_index].Name; } }

        public T Current { get { lock (_gate) return _providers[_index].Provider; } }

        /// <summary>The providers after the current one, in order: the fallbacks still ahead.</summary>
        public IReadOnlyList<T> Ahead
        {
            get
            {
                lock (_gate)
                {
                    var ahead = new List<T>();
                    for (int i = _index + 1; i < _providers.Count; i++) ahead.Add(_providers[i].Provider);
                    return ahead;
                }
            }
        }

        /// <summary>
        /// Marks <paramref name="failed"/> as failed and moves to the next provider. Returns the new provider's name,
        /// or null when the chain is exhausted. A failure of a provider that is no longer current changes nothing.
        /// </summary>
        public string? FallBack(T failed)
        {
            lock (_gate)
            {
                if (!ReferenceEquals(_providers[_index].Provider, failed)) return _providers[_index].Name;
                if (_index >= _providers.Count - 1) return null;
                _index++;
                return _providers[_index].Name;
            }
        }

        public void Dispose()
        {
            foreach (var (_, provider) in _providers) provider.Dispose();
        }
    }
}
