using Ctem.Engine.Validation.Checks;
using Xunit;

namespace Ctem.Engine.Tests.Validation.Checks;

public sealed class EvidenceMaskingTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "DB_PASSWORD=hunter2hunter2\nAPP=shop", "DB_PASSWORD=hu… (14 characters)\nAPP=shop" },
        { "export AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\"", "export AWS_SECRET_ACCESS_KEY=\"wJal… (38 characters)\"" },
        { "spring.datasource.password: s3cret", "spring.datasource.password: s… (6 characters)" },
        { "{\"name\":\"db\",\"api_token\":\"abcdefghijklmnop\"}", "{\"name\":\"db\",\"api_token\":\"abc… (16 characters)\"}" },
        { "url = https://bot:ghp_SECRETSECRET1234@github.com/acme/shop.git", "url = https://bot:ghp_… (20 characters)@github.com/acme/shop.git" },
        { "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "Authorization: Bear… (35 characters)" },
        { "password=******", "password=******" },
        { "redis_version:7.2.4\nos:Linux", "redis_version:7.2.4\nos:Linux" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mask_SecretValues_KeepLengthAndAFewLeadingCharacters(string text, string masked) =>
        Assert.Equal(masked, EvidenceMasking.Mask(text));
}
