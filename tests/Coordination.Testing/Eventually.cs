using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>Waits for something that happens in the background (event delivery) with a bound.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds and returns that value; fails the test
    /// with the condition and the last value read when <paramref name="timeout"/> passes (60 s:
    /// generous, since it costs nothing when things go right and a busy machine is slow).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, [CallerArgumentExpression(nameof(done))] string condition = "")
    {
        var bound = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > bound)
            {
                // Thrown, not Assert.Fail: inside Assert.Multiple that would only record and go on.
                throw new AssertionException($"Waited {bound.TotalSeconds:0.#} s for {condition}; it did not hold. Last value: {await DescribeAsync(value)}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> DescribeAsync(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => $"\"{s}\"",
            HttpResponseMessage r => $"{(int)r.StatusCode} {r.StatusCode} {await r.Content.ReadAsStringAsync()}",
            ICollection c => $"{c.Count} item(s) [{string.Join(", ", c.Cast<object?>().Take(10))}]",
            _ => value.ToString() ?? "",
        };
        return text.Length > 1000 ? text[..1000] + "…" : text;
    }
}
