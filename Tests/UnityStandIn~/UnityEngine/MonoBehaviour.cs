namespace UnityEngine
{
    // Runtime/Export/Scripting/MonoBehaviour.bindings.cs (Awake, OnEnable, Update, OnAudioFilterRead, ... are messages
    // Unity finds by name, not members: the stand-in cannot check them)
    public class MonoBehaviour : Behaviour
    {
        public MonoBehaviour() => throw UnityStandIn.CompileOnly.Call();
    }
}
