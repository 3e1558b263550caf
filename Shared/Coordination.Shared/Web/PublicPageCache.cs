using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
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
/// (<see cref="Data.OutputCacheEviction"/>), and nothing looked up or stored for a request whose
/// query has a key the endpoint does not read (<see cref="BoundQueryPolicy"/>). Other instances do
/// not hear of the eviction: their entries live <see cref="Lifetime"/> at most.
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
        return builder.CacheOutput(p => storable(p.AddPolicy<BoundQueryPolicy>())
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

    /// <summary>Caches only requests whose query keys the endpoint's handler binds (and the
    /// language's <c>culture</c> and <c>ui-culture</c>): the cache varies by every query value, so <c>?x=1</c>, <c>?x=2</c>… each
    /// made an entry, and a stream of made-up keys kept the store full and evicting, which doubled
    /// the CPU of every page it rendered (issue 20). Such a request is answered fresh and not stored.</summary>
    private sealed class BoundQueryPolicy : IOutputCachePolicy
    {
        private static readonly ConcurrentDictionary<Endpoint, FrozenSet<string>?> Keys = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var endpoint = context.HttpContext.GetEndpoint();
            if (endpoint is not null && Keys.GetOrAdd(endpoint, QueryKeys) is { } bound)
            {
                foreach (var key in context.HttpContext.Request.Query.Keys)
                {
                    if (!bound.Contains(key))
                    {
                        context.AllowCacheLookup = false;
                        context.AllowCacheStorage = false;
                        break;
                    }
                }
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        /// <summary>The handler's parameters that bind from the query string (null: not known, every
        /// key goes, as before).</summary>
        private static FrozenSet<string>? QueryKeys(Endpoint endpoint)
        {
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            if (handler is null || endpoint is not RouteEndpoint route)
            {
                return null;
            }

            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "culture", "ui-culture" };
            foreach (var parameter in handler.GetParameters())
            {
                if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    return null;
                }

                var fromQuery = parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault();
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var simple = type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(decimal);
                if (fromQuery is not null || (simple && parameter.Name is { } name && route.RoutePattern.GetParameter(name) is null
                        && !parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromServiceMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromFormMetadata)))
                {
                    keys.Add(fromQuery?.Name ?? parameter.Name!);
                }
            }

            return keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        }
    }
}
