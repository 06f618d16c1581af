namespace Ctem.Plugins.Reports.Zap;

/// <summary>One ZAP alert as both traditional reports (XML and JSON) carry it, with the places of its parts.</summary>
internal sealed record ZapAlert(
    string? PluginId,
    string? AlertRef,
    string? Title,
    string? RiskCode,
    string? Confidence,
    string? CweId,
    string? Description,
    string? Solution,
    IReadOnlyList<ZapInstance> Instances,
    string? Pointer);

/// <summary>Where ZAP saw the alert: one request (URI, method, parameter) and what it found in it.</summary>
internal sealed record ZapInstance(string? Uri, string? Method, string? Param, string? Evidence, string? Pointer);

/// <summary>What the report says of itself: the tool, its version and the sites it scanned.</summary>
internal sealed record ZapReportHeader(string? ProgramName, string? Version, IReadOnlyList<string> Sites);
