using System.Globalization;
using System.Text.Json;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Visitors;

public enum DoorCounterOutcome
{
    Created,
    Invalid,
    Unauthorized,
    UnknownOffice,
    Overlap,
}

/// <summary>What became of a post: the stored reading's id and visitors, or why nothing was stored (Swedish).</summary>
public sealed record DoorCounterPostResult(DoorCounterOutcome Outcome, int? Id = null, int? Visitors = null, string? Message = null);

/// <summary>
/// Takes readings from automatic door counters: finds the office, checks its key, reads the JSON body
/// (<c>{"start": ..., "end": ..., "count": ...}</c>) and stores a reading with the office's current factors.
/// </summary>
public sealed class DoorCounterIntake(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The largest body read; a reading is a few dozen bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<DoorCounterPostResult> PostAsync(string officeSlug, string? apiKey, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking()
            .Where(o => o.Slug == officeSlug && o.IsActive)
            .Select(o => new { o.Id, o.DoorCounterKeyHash, o.PassagesPerVisitor, o.StaffShare, o.MaxDoorPassagesPerHour, o.OpenedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (office is null)
        {
            return new DoorCounterPostResult(DoorCounterOutcome.UnknownOffice, Message: "Kontoret finns inte.");
        }

        if (!DoorCounterKeys.Matches(apiKey, office.DoorCounterKeyHash))
        {
            return new DoorCounterPostResult(DoorCounterOutcome.Unauthorized, Message: "API-nyckeln saknas eller är fel.");
        }

        var (start, end, count, error) = await ReadBodyAsync(body, cancellationToken);
        if (error is not null)
        {
            return new DoorCounterPostResult(DoorCounterOutcome.Invalid, Message: error);
        }

        DoorCounterReading reading;
        try
        {
            reading = DoorCounterReading.Create(
                office.Id, start, end, count, DoorCounterSource.Automatic, clock.GetUtcNow(), office.PassagesPerVisitor, office.StaffShare,
                office.MaxDoorPassagesPerHour, office.OpenedOn);
        }
        catch (DomainException ex)
        {
            return new DoorCounterPostResult(DoorCounterOutcome.Invalid, Message: ex.Message);
        }

        if (!await DoorCounterStore.TryAddAsync(db, reading, cancellationToken))
        {
            return new DoorCounterPostResult(DoorCounterOutcome.Overlap, Message: DoorCounterStore.OverlapMessage);
        }

        return new DoorCounterPostResult(DoorCounterOutcome.Created, reading.Id, VisitorCalculator.Visitors([reading]));
    }

    private static async Task<(DateTimeOffset Start, DateTimeOffset End, int Count, string? Error)> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (default, default, 0, string.Create(CultureInfo.InvariantCulture, $"Innehållet är för stort (högst {MaxBodyBytes} byte)."));
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return (default, default, 0, "Innehållet är inte giltig JSON. Skicka t.ex. {\"start\": \"2026-11-23T09:00:00+01:00\", \"end\": \"2026-11-23T10:00:00+01:00\", \"count\": 123}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (default, default, 0, "Innehållet måste vara ett JSON-objekt med fälten start, end och count.");
            }

            var errors = new List<string>();
            if (DuplicateProperty(root) is { } duplicate)
            {
                // {"count":3,"count":-1} must not be read one way here and another way by someone else.
                return (default, default, 0, $"Fältet \"{duplicate}\" förekommer mer än en gång.");
            }

            var start = ReadInstant(root, "start", errors);
            var end = ReadInstant(root, "end", errors);
            var count = ReadCount(root, errors);
            return errors.Count > 0 ? (default, default, 0, string.Join(" ", errors)) : (start, end, count, null);
        }
    }

    private static string? DuplicateProperty(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    private static JsonElement? Find(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static DateTimeOffset ReadInstant(JsonElement root, string name, List<string> errors)
    {
        if (Find(root, name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add($"Fältet \"{name}\" saknas.");
            return default;
        }

        // An instant needs its offset: without one the counter's local time would be guessed.
        if (value.ValueKind != JsonValueKind.String
            || !value.TryGetDateTimeOffset(out var instant)
            || !value.TryGetDateTime(out var dateTime)
            || dateTime.Kind == DateTimeKind.Unspecified)
        {
            errors.Add($"Fältet \"{name}\" måste vara en tidpunkt med tidszon, t.ex. 2026-11-23T09:00:00+01:00.");
            return default;
        }

        return instant;
    }

    private static int ReadCount(JsonElement root, List<string> errors)
    {
        if (Find(root, "count") is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add("Fältet \"count\" saknas.");
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count))
        {
            errors.Add("Fältet \"count\" måste vara ett heltal, 0 eller mer.");
            return 0;
        }

        return count;
    }
}
