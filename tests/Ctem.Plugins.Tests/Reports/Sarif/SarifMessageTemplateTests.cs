using Ctem.Plugins.Reports.Sarif;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Sarif;

public sealed class SarifMessageTemplateTests
{
    [Theory]
    [InlineData("Tainted {0} flows to {1}.", "input|sink", "Tainted input flows to sink.")]
    [InlineData("{1} before {0}", "a|b", "b before a")]
    [InlineData("argument {0} holding a placeholder", "{1}|never", "argument {1} holding a placeholder")]
    [InlineData("missing {2}, literal {x}, open {", "a", "missing {2}, literal {x}, open {")]
    [InlineData("Write {{0}}; got {0}; braces {{ and }} literal", "X", "Write {0}; got X; braces { and } literal")]
    public void Expand_Template_ReplacesEachPlaceholderOnce(string template, string arguments, string expected) =>
        Assert.Equal(expected, SarifMessageTemplate.Expand(template, arguments.Split('|')));

    [Fact]
    public void Expand_TemplateRepeatingALongArgument_IsCutAtTheLimit()
    {
        var bomb = string.Concat(Enumerable.Repeat("{0}", 30_000));

        var text = SarifMessageTemplate.Expand(bomb, [new string('A', 30_000)]);

        Assert.Equal(SarifMessageTemplate.MaxLength + 1, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
