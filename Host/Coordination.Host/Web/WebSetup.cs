using System.Text.Json.Serialization.Metadata;
using Coordination.Host.Identity;
using Coordination.Host.Web.Errors;
using Coordination.Host.Web.Logging;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Coordination.Host.Web;

internal static class WebSetup
{
    /// <summary>Hangfire's dashboard styles its bars and charts inline; nothing else is relaxed.</summary>
    private const string JobsPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private const string SitePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Links leave the site only from <see cref="PublicUrl"/>: outside Development (which
    /// defaults to http://localhost:5000) the site refuses to start without it, and outside
    /// Development and the test host it answers only to its host (AllowedHosts), unless
    /// AllowedHosts is configured. The migrate command needs no address.</summary>
    public static void ConfigurePublicAddress(this WebApplicationBuilder builder, bool migrateOnly)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[PublicUrl.Key]) && builder.Environment.IsDevelopment())
        {
            configuration[PublicUrl.Key] = PublicUrl.DevelopmentDefault;
        }

        if (migrateOnly)
        {
            return;
        }

        if (PublicUrl.Problem(configuration[PublicUrl.Key]) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing") && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            configuration["AllowedHosts"] = PublicUrl.Host(configuration);
        }
    }

    public static IServiceCollection AddCoordinationWeb(this IServiceCollection services, IConfiguration configuration)
    {
        RedactingLoggerFactory.Register(services);
        services.AddHttpContextAccessor();
        // Finnish and Swedish letters as themselves, not as &#xE4; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "coordination.af";
            // The default (None) never marks it Secure, not even over https.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddLocalization();
        // Visitors' pages (PublicPageCache), evicted by the modules' commits.
        services.AddOutputCache();
        services.AddSingleton<Coordination.Shared.Data.OutputCacheEviction>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(SupportedCultures.Default)
                .AddSupportedCultures([.. SupportedCultures.Names])
                .AddSupportedUICultures([.. SupportedCultures.Names]);
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
            // Site: ?culture=, then the cookie of the language switch; Finnish otherwise.
            // API clients may also say Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (context.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad)
            {
                // A body that could not be read is a field error like any other: the JSON path
                // says where (a value of the wrong type, a null in a list), "body" if it is all wrong.
                var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedStrings>>();
                var field = JsonBodyRules.FieldOf((bad.InnerException as System.Text.Json.JsonException)?.Path);
                context.ProblemDetails.Title = l["ValidationTitle"];
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [l["InvalidValue"]] };
            }
        });
        // Binding failures reach the exception handler with their cause, so the answer can say
        // which field was wrong; and lists holding null are refused while the body is read.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver =
            (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(JsonBodyRules.RefuseNullElements));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        var bodyLimit = configuration.GetValue<long>("Coordination:MaxRequestBodyBytes", 10 * 1024 * 1024);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = bodyLimit);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = bodyLimit;
            o.ValueCountLimit = 2000;
        });
        return services;
    }

    /// <summary>A form posted without a valid antiforgery token (or one the form reader refused,
    /// such as a NUL in a field) is a bad request, answered with the site's 400 page before the
    /// endpoint runs. The build-time request delegates leave this check to the form reader, whose
    /// own refusal would surface as an error of the site.</summary>
    public static void UseAntiforgeryRefusal(this WebApplication app)
        => app.Use((context, next) => context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
            ? throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Invalid antiforgery token", StatusCodes.Status400BadRequest)
            : next(context));

    public static void UseCoordinationWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")
            && PublicUrl.Base(app.Configuration).StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // The public address says the site is reached over https: a TLS proxy is in front of
            // it even when it is not trusted to say so (forwarded headers off), so every request
            // counts as https and every cookie (sign-in, antiforgery) is Secure.
            app.Use((context, next) =>
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
                return next(context);
            });
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad requests the framework detects (antiforgery, body too large) keep their status.
            StatusCodeSelector = ex => ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // A client's bad request is answered, not an error of the site: no error log for it.
            SuppressDiagnosticsCallback = context => context.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException,
            ExceptionHandler = WriteErrorAsync,
        });
        app.UseStatusCodePages(context => WriteErrorAsync(context.HttpContext));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/jobs") ? JobsPolicy : SitePolicy;
            if (IdentitySetup.IsApi(context.Request))
            {
                // Answers carry personal data and tokens: no cache (browser or proxy) keeps them.
                headers.CacheControl = "no-store";
            }

            await next();
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
    }

    /// <summary>Problem details for the API, a page in the user's language for the site.</summary>
    private static async Task WriteErrorAsync(HttpContext http)
    {
        if (IdentitySetup.IsApi(http.Request) || http.Request.Path.StartsWithSegments("/openapi"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error,
            });
            return;
        }

        await new RazorComponentResult<StatusPage>(new { Status = http.Response.StatusCode }) { StatusCode = http.Response.StatusCode }.ExecuteAsync(http);
    }

    /// <summary>Accept-Language for API calls only: the site stays Finnish unless a person
    /// chooses otherwise, whatever the browser says.</summary>
    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider _inner = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
            => IdentitySetup.IsApi(httpContext.Request) ? _inner.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }
}
