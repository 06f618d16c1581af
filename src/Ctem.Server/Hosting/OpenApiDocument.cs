using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ctem.Server.Hosting;

/// <summary>
/// The OpenAPI document's fixed parts: title, version, the bearer scheme every <c>/api/v1</c> operation needs, and no
/// servers (the document is the same whichever address serves it, so it can be committed and golden-tested).
/// </summary>
internal sealed class OpenApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Ctem API",
            Version = "v1",
            Description = "The Ctem server (ctem serve): the same Engine and Storage as the CLI, and the same JSON. Errors are RFC 9457 problem details. Authenticate with Authorization: Bearer ctem_… (ctem token create).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Ctem API token (ctem_…), from 'ctem token create' or POST /api/v1/tokens.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}
