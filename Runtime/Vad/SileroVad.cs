using System;
using Microsoft.ML.OnnxRuntime;
using VoiceNpc.Characters;

namespace VoiceNpc.Vad
{
    /// <summary>
    /// Silero VAD v5 through ONNX Runtime: 512-sample windows at 16 kHz, each prefixed with 64 samples of context from
    /// the previous window, and an RNN state carried between windows. Tensors are bound once to preallocated arrays so
    /// a window runs without managed allocations (see the allocation test).
    /// </summary>
    public sealed class SileroVad : IVoiceActivityDetector
    {
        private const int WindowSamples = 512;
        private const int ContextSamples = 64;
        private const int StateSize = 2 * 1 * 128;

        private readonly InferenceSession _session;
        private readonly RunOptions _runOptions = new RunOptions();
        private readonly float[] _input = new float[ContextSamples + WindowSamples];
        private readonly float[] _state = new float[StateSize];
        private readonly float[] _stateOut = new float[StateSize];
        private readonly float[] _output = new float[1];
        private readonly long[] _sampleRate = { Audio.AudioFormat.SampleRate };
        private readonly OrtValue[] _inputValues;
        private readonly OrtValue[] _outputValues;
        private readonly OrtIoBinding _binding;
        private int _filled;
        private float _probability;

        /// <summary>Loads the model from a file (ModelCheck.Require(ModelFiles.Silero) proves it is the package's).</summary>
        public SileroVad(string modelPath) : this(options => new InferenceSession(modelPath, options))
        {
        }

        /// <summary>Loads the model from memory: a Unity TextAsset's bytes, or ModelCheck.ReadVerified(ModelFiles.Silero).</summary>
        public SileroVad(byte[] model) : this(options => new InferenceSession(model, options))
        {
        }

        private SileroVad(Func<SessionOptions, InferenceSession> load)
        {
            using var options = new SessionOptions { InterOpNumThreads = 1, IntraOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            _session = load(options);
            _inputValues = new[]
            {
                OrtValue.CreateTensorValueFromMemory(_input, new long[] { 1, _input.Length }),
                OrtValue.CreateTensorValueFromMemory(_state, new long[] { 2, 1, 128 }),
                OrtValue.CreateTensorValueFromMemory(_sampleRate, new long[] { 1 }),
            };
            _outputValues = new[]
            {
                OrtValue.CreateTensorValueFromMemory(_output, new long[] { 1, 1 }),
                OrtValue.CreateTensorValueFromMemory(_stateOut, new long[] { 2, 1, 128 }),
            };
            // Bound once: a run then passes no names or tensors across, and allocates nothing managed.
            _binding = _session.CreateIoBinding();
            _binding.BindInput("input", _inputValues[0]);
            _binding.BindInput("state", _inputValues[1]);
            _binding.BindInput("sr", _inputValues[2]);
            _binding.BindOutput("output", _outputValues[0]);
            _binding.BindOutput("stateN", _outputValues[1]);
        }

        public string Name => ProviderNames.Silero;

        public float Process(ReadOnlySpan<short> frame)
        {
            while (frame.Length > 0)
            {
                int take = Math.Min(frame.Length, WindowSamples - _filled);
                for (int i = 0; i < take; i++) _input[ContextSamples + _filled + i] = frame[i] / 32768f;
                _filled += take;
                frame = frame.Slice(take);
                if (_filled == WindowSamples) RunWindow();
            }
            return _probability;
        }

        private void RunWindow()
        {
            _session.RunWithBinding(_runOptions, _binding);
            _probability = _output[0];
            Array.Copy(_stateOut, _state, StateSize);
            // The last 64 samples of this window are the next window's context.
            Array.Copy(_input, WindowSamples, _input, 0, ContextSamples);
            _filled = 0;
        }

        public void Reset()
        {
            Array.Clear(_input, 0, _input.Length);
            Array.Clear(_state, 0, _state.Length);
            _filled = 0;
            _probability = 0;
        }

        public void Dispose()
        {
            _binding.Dispose();
            foreach (var value in _inputValues) value.Dispose();
            foreach (var value in _outputValues) value.Dispose();
            _runOptions.Dispose();
            _session.Dispose();
        }
    }
}
