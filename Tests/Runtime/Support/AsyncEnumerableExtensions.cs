using System.Collections.Generic;
using System.Threading.Tasks;

namespace VoiceNpc.Tests.Support
{
    public static class AsyncEnumerableExtensions
    {
        /// <summary>Collects an async stream synchronously: shared tests stay synchronous for Unity's NUnit.</summary>
        public static List<T> ToBlockingList<T>(this IAsyncEnumerable<T> source)
        {
            return Collect().GetAwaiter().GetResult();

            async Task<List<T>> Collect()
            {
                var list = new List<T>();
                await foreach (var item in source) list.Add(item);
                return list;
            }
        }
    }
}
