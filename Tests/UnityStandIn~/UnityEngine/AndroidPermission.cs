using System;

namespace UnityEngine
{
    // Modules/AndroidJNI/AndroidJava.cs (AndroidJNIModule; Unity's also implements IDisposable)
    public class AndroidJavaProxy
    {
        public AndroidJavaProxy(string javaInterface) => throw UnityStandIn.CompileOnly.Call();
    }
}

namespace UnityEngine.Android
{
    // Modules/AndroidJNI/AndroidPermissions.cs
    public class PermissionCallbacks : AndroidJavaProxy
    {
        public PermissionCallbacks() : base("") => throw UnityStandIn.CompileOnly.Call();
        public event Action<string> PermissionGranted
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }

        public event Action<string> PermissionDenied
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }


        public event Action<string> PermissionDeniedAndDontAskAgain
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }
    }

    // Modules/AndroidJNI/AndroidPermissions.cs
    public struct Permission
    {
        public const string Microphone = "android.permission.RECORD_AUDIO";
        public static bool HasUserAuthorizedPermission(string permission) => throw UnityStandIn.CompileOnly.Call();
        public static void RequestUserPermission(string permission, PermissionCallbacks callbacks) => throw UnityStandIn.CompileOnly.Call();
    }
}
