using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coordination.Dissemination.Tests;

/// <summary>The migration "ModelThemes" on a SQLite database that already holds models (a site
/// upgraded in place): each model's themes move from the old "|theme|other|" index into the
/// ModelThemes table, and the search table keeps published models only.</summary>
public sealed class ModelThemesMigrationTests
{
    [Test]
    public async Task Existing_models_keep_their_themes_and_drafts_leave_the_search_table()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(Provider.Sqlite);
        var files = new DatabaseOptions(DatabaseProvider.Sqlite, database.DataDirectory, null);
        var options = new DbContextOptionsBuilder<SqliteDisseminationDbContext>().UseSqlite(files.SqliteConnectionString("Dissemination")).Options;
        await using (var db = new SqliteDisseminationDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261130073929_ModelFollowUps");
        }

        var published = Guid.NewGuid();
        var draft = Guid.NewGuid();
        await using (var connection = new SqliteConnection(files.SqliteConnectionString("Dissemination")))
        {
            await connection.OpenAsync();
            await InsertModelAsync(connection, published, "Published", "|hyvinvointi|ohjaus|äänestys|", "opinto-ohjausmalli");
            await InsertModelAsync(connection, draft, "Draft", "|luonnos|", "ohjausluonnos");
        }

        await using (var db = new SqliteDisseminationDbContext(options))
        {
            await db.Database.MigrateAsync();
            var themes = await db.ModelThemes.OrderBy(t => t.Theme).Select(t => new { t.ModelId, t.Theme }).ToListAsync();
            var searched = await db.Database.SqlQueryRaw<string>("SELECT ModelId AS Value FROM ModelSearch").ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That(themes.Where(t => t.ModelId == published).Select(t => t.Theme), Is.EqualTo(new[] { "hyvinvointi", "ohjaus", "äänestys" }));
                Assert.That(themes.Where(t => t.ModelId == draft).Select(t => t.Theme), Is.EqualTo(new[] { "luonnos" }));
                Assert.That(searched.Select(s => Guid.Parse(s)), Is.EqualTo(new[] { published }), "the search table holds published models only");
            });
        }
    }

    /// <summary>A Models row as the schema before the migration has it: every required column
    /// gets an empty value of its type, the ones the migration reads get real ones.</summary>
    private static async Task InsertModelAsync(SqliteConnection connection, Guid id, string status, string themeIndex, string searchText)
    {
        var given = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = id.ToString().ToUpperInvariant(), ["Status"] = status, ["ThemeIndex"] = themeIndex, ["SearchText"] = searchText,
        };
        var columns = new List<(string Name, object Value)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('Models')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (given.TryGetValue(name, out var value))
                {
                    columns.Add((name, value));
                }
                else if (reader.GetInt64(2) == 1 && reader.IsDBNull(3))
                {
                    columns.Add((name, reader.GetString(1).ToUpperInvariant() switch { "INTEGER" => 0, "REAL" => 0.0, "BLOB" => Array.Empty<byte>(), _ => "" }));
                }
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO Models ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Count; i++)
        {
            insert.Parameters.AddWithValue("$p" + i, columns[i].Value);
        }

        await insert.ExecuteNonQueryAsync();
    }
}
