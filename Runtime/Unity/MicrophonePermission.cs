using System.Threading;
using UnityEngine;
#if UNITY_ANDROID && !UNITY_EDITOR
using UnityEngine.Android;
#endif

namespace VoiceNpc.Unity
{
    /// <summary>
    /// The player's permission to use the microphone, asked before any capture starts. Android: the runtime permission
    /// android.permission.RECORD_AUDIO (UnityEngine.Android.Permission; Unity adds it to the manifest because the
    /// Microphone class is used). iOS: Application.RequestUserAuthorization(UserAuthorization.Microphone), which needs the
    /// Player Setting "Microphone Usage Description" (iOS → Other Settings → Configuration). Elsewhere: granted. The
    /// answer may arrive on another thread, so it is only stored; the agent reads <see cref="Status"/> in Update.
    /// </summary>
    public sealed class MicrophonePermission
    {
        public enum State { Pending, Granted, Denied }

        private int _state = (int)State.Pending;

        public State Status => (State)Volatile.Read(ref _state);

        /// <summary>What a denial means, for the error the agent reports.</summary>
        public const string DeniedMessage =
            "the player denied the microphone permission (Android: android.permission.RECORD_AUDIO; iOS: Microphone Usage " +
            "Description and the privacy setting); typed input (SendText) still works";

        /// <summary>No microphone is used (typed input only): nothing to ask.</summary>
        public static MicrophonePermission NotNeeded()
        {
            var permission = new MicrophonePermission();
            permission.Set(State.Granted);
            return permission;
        }

        /// <summary>Asks now (main thread) unless already granted.</summary>
        public static MicrophonePermission Request()
        {
            var permission = new MicrophonePermission();
#if UNITY_ANDROID && !UNITY_EDITOR
            if (Permission.HasUserAuthorizedPermission(Permission.Microphone)) permission.Set(State.Granted);
            else
            {
                var callbacks = new PermissionCallbacks();
                callbacks.PermissionGranted += _ => permission.Set(State.Granted);
                callbacks.PermissionDenied += _ => permission.Set(State.Denied);
                callbacks.PermissionDeniedAndDontAskAgain += _ => permission.Set(State.Denied);
                Permission.RequestUserPermission(Permission.Microphone, callbacks);
            }
#elif UNITY_IOS && !UNITY_EDITOR
            if (Application.HasUserAuthorization(UserAuthorization.Microphone)) permission.Set(State.Granted);
            else
            {
                var request = Application.RequestUserAuthorization(UserAuthorization.Microphone);
                request.completed += _ =>
                    permission.Set(Application.HasUserAuthorization(UserAuthorization.Microphone) ? State.Granted : State.Denied);
            }
#else
            permission.Set(State.Granted);
#endif
            return permission;
        }

        private void Set(State state) => Volatile.Write(ref _state, (int)state);
    }
}
