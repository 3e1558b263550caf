using System.Net;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>Visitors' pages as the output cache serves them (an answer from the cache carries <c>Age</c>).</summary>
public static class VisitorPages
{
    /// <summary>Fetches <paramref name="path"/> twice as a visitor: the second answer must come
    /// from the cache, so that the change that follows meets a cached page.</summary>
    public static async Task<string> CachedAsync(HttpClient guest, string path)
    {
        var first = await guest.GetAsync(path);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        var second = await guest.GetAsync(path);
        Assert.That(second.Headers.Age, Is.Not.Null, $"{path} is served from the cache");
        return await second.Content.ReadAsStringAsync();
    }
}
