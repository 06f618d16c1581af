using Ctem.Core.Stores;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/products</c>: the products of the token's team.</summary>
internal static class ProductsApi
{
    public static void MapProducts(this RouteGroupBuilder api)
    {
        api.MapGet("/products", ListAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ListProducts")
            .WithSummary("The team's products: name, team, open findings, last scan")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json);
        api.MapGet("/products/{product}", GetAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("GetProduct")
            .WithSummary("One of the team's products")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext context, EngineServices engine)
    {
        var (products, team) = await VisibleAsync(context, engine);
        return Written.As(Written.Json, output => JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("products");
            foreach (var product in products)
            {
                WriteProduct(writer, product, team);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }

    private static async Task<IResult> GetAsync(string product, HttpContext context, EngineServices engine)
    {
        var (products, team) = await VisibleAsync(context, engine);
        return products.FirstOrDefault(p => p.Name == product) is { } found
            ? Written.As(Written.Json, output => JsonOutput.Write(output, writer => WriteProduct(writer, found, team)))
            : Problems.NotFound($"no product named '{product}'");
    }

    private static async Task<(IReadOnlyList<ProductSummary> Products, string Team)> VisibleAsync(HttpContext context, EngineServices engine)
    {
        var caller = Caller.From(context.User)!;
        var visible = await ProductAccess.VisibleAsync(engine.Store, caller, context.RequestAborted);
        var products = (await engine.Store.ListProductsAsync(context.RequestAborted)).Where(p => visible.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return (products, caller.Team);
    }

    private static void WriteProduct(System.Text.Json.Utf8JsonWriter writer, ProductSummary product, string team)
    {
        writer.WriteStartObject();
        writer.WriteString("name", product.Name);
        writer.WriteString("team", team);
        writer.WriteNumber("openFindings", product.OpenFindings);
        JsonOutput.WriteTime(writer, "lastScanAt", product.LastScanAt);
        writer.WriteEndObject();
    }
}
