using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pub;

internal sealed class PubVersion(string text, string[] numbers, PubIdentifier[] prerelease, PubIdentifier[] build) : ISchemeVersion
{
    public string Text => text;

    private string[] Numbers => numbers;

    private PubIdentifier[] Prerelease => prerelease;

    private PubIdentifier[] Build => build;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not PubVersion that)
        {
            throw new InvalidOperationException($"cannot compare a pub version with {other?.GetType().Name ?? "null"}");
        }

        for (var i = 0; i < numbers.Length; i++)
        {
            var order = DigitString.Compare(numbers[i], that.Numbers[i]);
            if (order != 0)
            {
                return order;
            }
        }

        // A release ranks above its pre-releases.
        if (prerelease.Length == 0 || that.Prerelease.Length == 0)
        {
            var releaseOrder = that.Prerelease.Length.CompareTo(prerelease.Length);
            if (releaseOrder != 0)
            {
                return Math.Sign(releaseOrder);
            }
        }
        else
        {
            var preOrder = PubIdentifiers.Compare(prerelease, that.Prerelease);
            if (preOrder != 0)
            {
                return preOrder;
            }
        }

        // Unlike SemVer, a build ranks above no build, and builds compare part by part.
        return PubIdentifiers.Compare(build, that.Build);
    }
}
