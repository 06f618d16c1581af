using Xunit;

namespace Ctem.Storage.Tests;

public sealed class PostgresConnectionSpecTests
{
    public static TheoryData<string, bool> Specs => new()
    {
        { "Host=db;Database=ctem", true },
        { "server=db;database=ctem", true },
        { "postgres://u:p@db/ctem", true },
        { "PostgreSQL://db", true },
        { "/var/lib/ctem/ctem.db", false },
        { "ctem.db", false },
        { @"C:\data\ctem.sqlite", false },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void IsPostgres_Spec_RecognisesPostgresForms(string spec, bool expected) =>
        Assert.Equal(expected, PostgresConnectionSpec.IsPostgres(spec));

    [Fact]
    public void Parse_Uri_BecomesKeywordConnectionString()
    {
        var builder = PostgresConnectionSpec.Parse("postgresql://ctem%40corp:p%3Ass@db.example:6543/vulns?sslmode=require&application_name=ctem");

        Assert.Equal(
            new { Host = (string?)"db.example", Port = 6543, Username = (string?)"ctem@corp", Password = (string?)"p:ss", Database = (string?)"vulns", ApplicationName = (string?)"ctem" },
            new { builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.ApplicationName });
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void Parse_UriWithoutPort_KeepsDefaultPort()
    {
        var builder = PostgresConnectionSpec.Parse("postgres://db/ctem");

        Assert.Equal(("db", 5432, "ctem"), (builder.Host, builder.Port, builder.Database));
    }

    [Fact]
    public void Parse_UnknownKeyword_ThrowsCtemStoreExceptionWithoutSecret()
    {
        var error = Assert.Throws<CtemStoreException>(() => PostgresConnectionSpec.Parse("Host=db;Password=s3cret;Bogus=1"));

        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnreachableServer_ThrowsCtemStoreExceptionWithoutPassword()
    {
        var error = await Assert.ThrowsAsync<CtemStoreException>(() => CtemStoreFactory.OpenAsync(
            "Host=127.0.0.1;Port=1;Username=ctem;Password=s3cret;Database=vulns;Timeout=3", TimeProvider.System, CancellationToken.None));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("vulns", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
