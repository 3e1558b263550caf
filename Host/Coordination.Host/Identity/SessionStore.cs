using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Identity;

/// <summary>Keeps browser sessions in the identity database (<see cref="SignInSession"/>), so that
/// a sign-out ends that session, and a changed security stamp (password reset, lockout, erasure,
/// revocation, a site role taken away) ends every session of the sign-in on the next request — on
/// every instance, since they share the database.</summary>
internal sealed class SessionStore(IOptions<IdentityOptions> identity, TimeProvider clock) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException("Needs the request's services.");

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException("Needs the request's services.");

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException("Needs the request's services.");

    public Task RemoveAsync(string key) => throw new NotSupportedException("Needs the request's services.");

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<IdentityDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Sessions.Add(new SignInSession
        {
            Id = Hash(key),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session without a user."),
            SecurityStamp = Stamp(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var stamp = Stamp(ticket);
        await httpContext.RequestServices.GetRequiredService<IdentityDb>().Sessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.SecurityStamp, stamp), cancellationToken);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<IdentityDb>();
        var id = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == id && (s.ExpiresAt == null || s.ExpiresAt > now)
                && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync(cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        await httpContext.RequestServices.GetRequiredService<IdentityDb>().Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private string Stamp(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
