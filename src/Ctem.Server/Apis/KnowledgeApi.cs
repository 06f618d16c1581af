using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/knowledge</c>: what the knowledge base holds, as <c>ctem db status --format json</c> (without the database's location).</summary>
internal static class KnowledgeApi
{
    public static void MapKnowledge(this RouteGroupBuilder api) =>
        api.MapGet("/knowledge", StatusAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("KnowledgeStatus")
            .WithSummary("Advisories per source and ecosystem, KEV and EPSS feeds, CVE records: as 'ctem db status --format json', with database null")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json);

    private static async Task<IResult> StatusAsync(HttpContext context, EngineServices engine)
    {
        var cancellationToken = context.RequestAborted;
        var rows = await engine.Store.GetKnowledgeStatusAsync(cancellationToken);
        var feeds = await engine.Store.GetFeedStatusAsync(cancellationToken);
        var cveRecords = await engine.Store.GetCveRecordStatusAsync(cancellationToken);
        return Written.As(Written.Json, output => KnowledgeStatusJson.Write(output, database: null, rows, feeds, cveRecords));
    }
}
