using System;
using VoiceNpc.Characters;

namespace VoiceNpc.Vad
{
    /// <summary>
    /// The VAD used when the Silero model is absent: the frame's level against a slowly adapting noise floor.
    /// Separates speech from silence well and from steady noise once the floor has adapted; Silero is much better at
    /// noise.
    /// </summary>
    public sealed class EnergyVad : IVoiceActivityDetector
    {
        private const double InitialFloorDb = -65;
        private const double SpeechAboveFloorDb = 15;
        private const double AbsoluteMinimumDb = -50;
        private double _floorDb = InitialFloorDb;
        private float _probability;

        public string Name => ProviderNames.Energy;

        public float Process(ReadOnlySpan<short> frame)
        {
            if (frame.Length == 0) return _probability;
            double sum = 0;
            for (int i = 0; i < frame.Length; i++) sum += (double)frame[i] * frame[i];
            double db = 10 * Math.Log10(sum / frame.Length / (32768.0 * 32768.0) + 1e-12);

            // The floor follows quiet frames quickly and loud ones slowly, so speech barely lifts it but steady noise does.
            double rate = db < _floorDb ? 0.3 : 0.01;
            _floorDb += (db - _floorDb) * rate;

            double margin = db - Math.Max(_floorDb + SpeechAboveFloorDb, AbsoluteMinimumDb);
            _probability = (float)(1.0 / (1.0 + Math.Exp(-margin / 2.0)));
            return _probability;
        }

        public void Reset()
        {
            _floorDb = InitialFloorDb;
            _probability = 0;
        }

        public void Dispose() { }
    }
}
