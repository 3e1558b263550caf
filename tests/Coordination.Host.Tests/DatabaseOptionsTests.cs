using Coordination.Shared.Data;
using Microsoft.Extensions.Configuration;

namespace Coordination.Host.Tests;

/// <summary>How the configured database settings are read.</summary>
public sealed class DatabaseOptionsTests
{
    [TestCase("Host=db;Database=coordination", "Host=db;Database=coordination;Timeout=30")]
    [TestCase("Host=db;Database=coordination;", "Host=db;Database=coordination;Timeout=30")]
    [TestCase("Host=db;Timeout=5;Database=coordination", "Host=db;Timeout=5;Database=coordination")]
    [TestCase("Host=db;timeout = 45", "Host=db;timeout = 45")]
    public void A_PostgreSQL_request_waits_30_s_for_a_pooled_connection_unless_the_string_says_otherwise(string configured, string used)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-options-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Coordination:DataDirectory"] = folder,
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Coordination"] = configured,
            }).Build();
            Assert.That(DatabaseOptions.From(configuration).PostgresConnectionString, Is.EqualTo(used));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
