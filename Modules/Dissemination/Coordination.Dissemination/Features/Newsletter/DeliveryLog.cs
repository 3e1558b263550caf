using System.Data.Common;
using Coordination.Dissemination.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>The delivery log's writes that happen once per recipient (a row when the send starts,
/// a mark after each message), as plain commands built once on the sender's open connection:
/// through EF (change tracking of every row; LINQ translation and parameter extraction of an
/// ExecuteUpdate per mark) they cost a large share of what the SMTP send itself costs. Table and
/// column names and value conversions come from the EF model, so each provider gets its own SQL
/// and values stored exactly as EF stores them. The delivery log is not on public pages, so
/// bypassing EF's command interceptors (the page cache's eviction) changes nothing.</summary>
internal sealed class DeliveryLog : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, Column> _columns;

    private DeliveryLog(DbCommand command, Dictionary<string, Column> columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Writes <paramref name="rows"/> in the context's current transaction.</summary>
    public static async Task InsertAsync(DisseminationDbContext db, IEnumerable<NewsletterDelivery> rows, CancellationToken ct)
    {
        var (type, table, sql) = Describe(db);
        var properties = type.GetProperties().ToList();
        await using var log = Prepare(db, properties, sql, names => $"""
            INSERT INTO {table} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))})
            VALUES ({string.Join(", ", names)})
            """);
        foreach (var row in rows)
        {
            foreach (var property in properties)
            {
                log._columns[property.Name].Set(property.GetGetter().GetClrValue(row));
            }

            await log._command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A prepared mark: <see cref="MarkAsync"/> sets a delivery's outcome and ends its
    /// claim, if <c>claim</c> still holds it (the same filter as <c>Claims.Held</c>).</summary>
    public static DeliveryLog PrepareMarks(DisseminationDbContext db)
    {
        var (type, table, sql) = Describe(db);
        string[] set = [nameof(NewsletterDelivery.Status), nameof(NewsletterDelivery.SentAt), nameof(NewsletterDelivery.Error)];
        string[] where = [nameof(NewsletterDelivery.Id), nameof(NewsletterDelivery.ClaimId)];
        var properties = set.Concat(where).Select(n => type.FindProperty(n)!).ToList();
        string Column(string name) => sql.DelimitIdentifier(type.FindProperty(name)!.GetColumnName());
        return Prepare(db, properties, sql, names => $"""
            UPDATE {table} SET {string.Join(", ", set.Select((n, i) => $"{Column(n)} = {names[i]}"))}, {Column(nameof(NewsletterDelivery.ClaimedUntil))} = NULL
            WHERE {string.Join(" AND ", where.Select((n, i) => $"{Column(n)} = {names[set.Length + i]}"))}
            """);
    }

    /// <summary>One commit of its own (outside any transaction); false when another run's claim
    /// has taken the row over.</summary>
    public async Task<bool> MarkAsync(Guid id, Guid claim, DeliveryStatus status, DateTime? sentAt, string? error)
    {
        _columns[nameof(NewsletterDelivery.Status)].Set(status);
        _columns[nameof(NewsletterDelivery.SentAt)].Set(sentAt);
        _columns[nameof(NewsletterDelivery.Error)].Set(error);
        _columns[nameof(NewsletterDelivery.Id)].Set(id);
        _columns[nameof(NewsletterDelivery.ClaimId)].Set(claim);
        return await _command.ExecuteNonQueryAsync(CancellationToken.None) > 0;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static (IEntityType Type, string Table, ISqlGenerationHelper Sql) Describe(DisseminationDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(NewsletterDelivery))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        return (type, sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()), sql);
    }

    /// <summary>A command on the context's open connection (and its transaction, if any) with a
    /// parameter per property, typed by the property's mapping.</summary>
    private static DeliveryLog Prepare(DisseminationDbContext db, List<IProperty> properties, ISqlGenerationHelper sql, Func<string[], string> text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = new Dictionary<string, Column>();
        var names = new string[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var mapping = (RelationalTypeMapping)properties[i].GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, properties[i].IsNullable);
            command.Parameters.Add(parameter);
            columns[properties[i].Name] = new Column(mapping, parameter);
            names[i] = sql.GenerateParameterNamePlaceholder($"p{i}");
        }

        // Not Prepare()d: SQLite keeps the compiled statement of a command whose text is unchanged,
        // and Npgsql would prepare before the first values give the untyped parameters a type.
        command.CommandText = text(names);
        return new DeliveryLog(command, columns);
    }

    private sealed record Column(RelationalTypeMapping Mapping, DbParameter Parameter)
    {
        // As EF would write it: through the property's converter (enums as text, UTC times).
        public void Set(object? value) => Parameter.Value = value is null ? DBNull.Value : Mapping.Converter?.ConvertToProvider(value) ?? value;
    }
}
