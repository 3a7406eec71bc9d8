using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace NgTradingBot.Core.Api;

/// <summary>
/// The OpenAPI document of the strategy and operator API (<c>/openapi/v1.json</c>) and its browsable reference
/// (<c>/scalar</c>), both open so a strategy author can read them before holding a key; the internal EA routes
/// are the gateway's and stay out of it.
/// </summary>
public static class ApiReference
{
    public static IHostApplicationBuilder AddApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerKeyDocument>());
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("NgTradingBot Core API")).AllowAnonymous();
        return app;
    }

    private sealed class BearerKeyDocument : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "NgTradingBot Core API";
            document.Info.Description = """
                Orders and commands for MT5 accounts, their outcomes, accounts, history and strategy keys.
                Every route takes `Authorization: Bearer <key>`: the operator key (everything), or a strategy key
                with the `trade` scope (create, cancel and follow commands) and/or the `read` scope (read accounts),
                on the accounts it was issued for. Refusals are 401 (no or unknown key) and 403 (not allowed), with
                `{"message":"...","status":"error"}`.
                """;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The operator key, or a strategy key created with POST /api/keys.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }
    }
}
