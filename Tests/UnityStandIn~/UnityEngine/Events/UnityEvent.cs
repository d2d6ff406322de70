namespace UnityEngine.Events
{
    // Runtime/Export/UnityEvent/UnityEvent.cs
    public delegate void UnityAction<T0>(T0 arg0);

    // Runtime/Export/UnityEvent/UnityEvent.cs
    public delegate void UnityAction<T0, T1>(T0 arg0, T1 arg1);

    // Runtime/Export/UnityEvent/UnityEvent.cs (Unity's is [Serializable] and implements ISerializationCallbackReceiver
    // explicitly; no member of it is used)
    public abstract class UnityEventBase
    {
        protected UnityEventBase() => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/UnityEvent/UnityEvent/UnityEvent_1.cs
    [System.Serializable]
    public class UnityEvent<T0> : UnityEventBase
    {
        public UnityEvent() => throw UnityStandIn.CompileOnly.Call();
        public void AddListener(UnityAction<T0> call) => throw UnityStandIn.CompileOnly.Call();
        public void RemoveListener(UnityAction<T0> call) => throw UnityStandIn.CompileOnly.Call();
        public void Invoke(T0 arg0) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/UnityEvent/UnityEvent/UnityEvent_2.cs
    [System.Serializable]
    public class UnityEvent<T0, T1> : UnityEventBase
    {
        public UnityEvent() => throw UnityStandIn.CompileOnly.Call();
        public void AddListener(UnityAction<T0, T1> call) => throw UnityStandIn.CompileOnly.Call();
        public void RemoveListener(UnityAction<T0, T1> call) => throw UnityStandIn.CompileOnly.Call();
        public void Invoke(T0 arg0, T1 arg1) => throw UnityStandIn.CompileOnly.Call();
    }
}
