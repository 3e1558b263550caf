using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Shared.Data;

/// <summary>Model conventions the modules share.</summary>
public static class ModelBuilderExtensions
{
    /// <summary>Public because the compiled models (Data/CompiledModel) name it.</summary>
    public static readonly JsonSerializerOptions JsonColumns = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The audit trail table (<see cref="AuditEntry"/>), the same in every database that keeps one.</summary>
    public static ModelBuilder AuditEntries(this ModelBuilder modelBuilder)
        => modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Summary).HasMaxLength(1000);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.At);
        });

    /// <summary>A list kept as one JSON text column (read and written whole), compared by its JSON.</summary>
    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property)
        => property.HasConversion(
            v => JsonSerializer.Serialize(v, JsonColumns),
            v => JsonSerializer.Deserialize<List<T>>(v, JsonColumns) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, JsonColumns) == JsonSerializer.Serialize(b, JsonColumns),
                v => JsonSerializer.Serialize(v, JsonColumns).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, JsonColumns), JsonColumns)!));

    /// <summary>Maps a fi/sv/en text to the columns <paramref name="prefix"/>Fi, …Sv, …En.</summary>
    public static EntityTypeBuilder<T> OwnsLocalizedText<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, LocalizedText?>> text, string prefix, int maxLength, bool finnishRequired = true)
        where T : class
    {
        entity.OwnsOne(text, n =>
        {
            n.Property(p => p.Fi).HasColumnName(prefix + "Fi").HasMaxLength(maxLength).IsRequired(finnishRequired);
            n.Property(p => p.Sv).HasColumnName(prefix + "Sv").HasMaxLength(maxLength);
            n.Property(p => p.En).HasColumnName(prefix + "En").HasMaxLength(maxLength);
        });
        entity.Navigation(text).IsRequired();
        return entity;
    }

    /// <summary>A module's Guid ids are made in code (version 7): a child added to a loaded parent
    /// is then an insert, where EF would take a set generated key for an existing row.
    /// Call after the module's entities are configured.</summary>
    public static void IdsAreMadeInCode(this ModelBuilder modelBuilder, System.Reflection.Assembly module)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType.Assembly == module))
        {
            if (entity.FindProperty("Id") is { } id && id.ClrType == typeof(Guid))
            {
                id.ValueGenerated = ValueGenerated.Never;
            }
        }
    }
}
