using Ctem.Core.Model;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class CpeNameTests
{
    /// <summary>Cases: text → part, vendor, product, version, target software; null fields when it is not a CPE 2.3 formatted string.</summary>
    public static TheoryData<string, string?, string?, string?, string?, string?> Cases => new()
    {
        { "cpe:2.3:a:redis:redis:*:*:*:*:*:*:*:*", "a", "redis", "redis", "*", "*" },
        { "cpe:2.3:a:smoothiecharts:smoothie_charts:*:*:*:*:*:node.js:*:*", "a", "smoothiecharts", "smoothie_charts", "*", "node.js" },
        { "cpe:2.3:o:debian:debian_linux:11.0:*:*:*:*:*:*:*", "o", "debian", "debian_linux", "11.0", "*" },
        // A quoted colon belongs to the value.
        { @"cpe:2.3:a:foo\:bar:baz:1.0:*:*:*:*:*:*:*", "a", "foo:bar", "baz", "1.0", "*" },
        { "cpe:/a:redis:redis:6.0", null, null, null, null, null },
        { "cpe:2.3:a:redis:redis", null, null, null, null, null },
        { "not a cpe", null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_Case_SplitsTheAttributes(string text, string? part, string? vendor, string? product, string? version, string? target)
    {
        var cpe = CpeName.Parse(text);

        Assert.Equal((part, vendor, product, version, target), (cpe?.Part, cpe?.Vendor, cpe?.Product, cpe?.Version, cpe?.TargetSoftware));
    }
}
