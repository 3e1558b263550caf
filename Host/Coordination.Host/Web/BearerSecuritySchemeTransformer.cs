using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordination.Host.Web;

/// <summary>Tells API clients (and generated ones) that the API takes a bearer token from
/// POST /api/v1/auth/tokens.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Coordination API";
        document.Info.Description = "Get a token with POST /api/v1/auth/tokens and send it as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from POST /api/v1/auth/tokens",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
