using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Coordination.Shared.Web;

/// <summary>
/// Output caching of pages that visitors see (ASP.NET Core's OutputCache, in memory). The
/// framework's default policy already keeps it to GETs of anonymous requests (no Authorization
/// header, no signed-in user) and to 200 answers without Set-Cookie; this adds: one entry per
/// language the page is rendered in, nothing stored that told caches not to store it (a page
/// with an antiforgery token, whose token belongs to one visitor's cookie), and tags by module,
/// evicted after every commit that changed the module's data
/// (<see cref="Data.OutputCacheEviction"/>). Other instances do not hear of the eviction: their
/// entries live <see cref="Lifetime"/> at most.
/// </summary>
public static class PublicPageCache
{
    /// <summary>How long another instance may show a page after a change made elsewhere.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Carried by pages built from several modules' data (the front page): evicted with
    /// every module's tag.</summary>
    public const string AnyModuleTag = "module:*";

    public static string Tag(string module) => "module:" + module.ToLowerInvariant();

    /// <summary>Caches the endpoint's anonymous answers, tagged with <paramref name="modules"/>
    /// (those whose data the page shows; none = every module).</summary>
    public static TBuilder CacheForVisitors<TBuilder>(this TBuilder builder, params string[] modules)
        where TBuilder : IEndpointConventionBuilder
        => Cache(builder, modules, p => p.AddPolicy<StorablePolicy>());

    /// <summary>Caches a public API endpoint's anonymous answers like <see cref="CacheForVisitors"/>.
    /// Every API answer tells browsers and proxies "no-store" (most carry personal data), so the
    /// page check for it cannot apply; the endpoints given this answer an anonymous caller with
    /// public data only, and this instance keeps it (the header still goes out with it).</summary>
    public static TBuilder CacheApiForVisitors<TBuilder>(this TBuilder builder, params string[] modules)
        where TBuilder : IEndpointConventionBuilder
        => Cache(builder, modules, p => p);

    private static TBuilder Cache<TBuilder>(TBuilder builder, string[] modules, Func<OutputCachePolicyBuilder, OutputCachePolicyBuilder> storable)
        where TBuilder : IEndpointConventionBuilder
    {
        string[] tags = modules.Length == 0 ? [AnyModuleTag] : [.. modules.Select(Tag)];
        return builder.CacheOutput(p => storable(p)
            .Expire(Lifetime)
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Tag(tags));
    }

    /// <summary>Refuses to store an answer that says it must not be stored: the antiforgery
    /// system marks every answer holding a token "no-cache, no-store".</summary>
    private sealed class StorablePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var cacheControl = context.HttpContext.Response.Headers.CacheControl.ToString();
            if (cacheControl.Contains(CacheControlHeaderValue.NoStoreString, StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains(CacheControlHeaderValue.NoCacheString, StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains(CacheControlHeaderValue.PrivateString, StringComparison.OrdinalIgnoreCase))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
