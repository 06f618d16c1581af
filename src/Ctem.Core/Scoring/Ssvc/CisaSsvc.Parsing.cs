using System.Diagnostics.CodeAnalysis;

namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// Text → decision-point values. Accepted, ignoring case, surrounding space and inner spaces/'_'/'-': the data's key
/// (<c>P</c>), the data's name (<c>Public PoC</c>, as in the JSON; <c>public poc</c>, as in the CSV) and the enum name
/// (<c>PublicPoc</c>). Failure is a value (an error naming the point and its accepted values), never an exception.
/// </summary>
public static partial class CisaSsvc
{
    public static bool TryParseExploitation(string? text, out SsvcExploitation value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, Table.Exploitation, SsvcBindings.Exploitation, out value, out error);

    public static bool TryParseAutomatable(string? text, out SsvcAutomatable value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, Table.Automatable, SsvcBindings.Automatable, out value, out error);

    public static bool TryParseTechnicalImpact(string? text, out SsvcTechnicalImpact value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, Table.TechnicalImpact, SsvcBindings.TechnicalImpact, out value, out error);

    public static bool TryParseMissionAndWellbeing(string? text, out SsvcMissionAndWellbeing value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, Table.MissionAndWellbeing, SsvcBindings.MissionAndWellbeing, out value, out error);

    /// <summary>Parses an outcome, e.g. <c>Track*</c>, <c>T*</c>, <c>track*</c> or <c>TrackStar</c>.</summary>
    public static bool TryParseOutcome(string? text, out SsvcOutcome value, [NotNullWhen(false)] out string? error) =>
        TryParse(text, Table.Outcome, SsvcBindings.Outcome, out value, out error);

    private static bool TryParse<TEnum>(
        string? text, SsvcDecisionPoint point, SsvcValueBinding<TEnum> binding, out TEnum value, [NotNullWhen(false)] out string? error)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{point.Name} ({point.Id}) is missing; expected one of {point.Expected}";
            return false;
        }

        var parsed = point.Find(text) is { } data ? binding.ValueOf(data.Key) : binding.ValueNamed(text);
        if (parsed is null)
        {
            error = $"'{text.Trim()}' is not a value of {point.Name} ({point.Id}); expected one of {point.Expected}";
            return false;
        }

        value = parsed.Value;
        error = null;
        return true;
    }
}
