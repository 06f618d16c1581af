using Ctem.Core.Scoping;

namespace Ctem.Engine.Scoping;

/// <summary><c>acceptance: {maxDays}</c>: the longest a risk may be accepted.</summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] AcceptanceKeys = ["maxDays"];

    private AcceptancePolicy Acceptance(Fields root)
    {
        if (root.Value("acceptance") is not { } node || Fields(node, "acceptance", AcceptanceKeys) is not { } fields)
        {
            return AcceptancePolicy.Default;
        }

        if (Days(fields, "maxDays") is not { } days)
        {
            return AcceptancePolicy.Default;
        }

        if (days == 0)
        {
            Error(fields.Value("maxDays")!, "acceptance.maxDays: 0 days would refuse every acceptance; give at least 1");
            return AcceptancePolicy.Default;
        }

        return new AcceptancePolicy(days);
    }
}
