using System.Threading.RateLimiting;
using Coordination.Shared.Data;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Host.Identity;

internal static class IdentitySetup
{
    /// <summary>Picks the bearer scheme for the API and the cookie for the site.</summary>
    public const string SmartScheme = "CookieOrBearer";

    public const string AuthRateLimit = "auth";

    public static IServiceCollection AddCoordinationIdentity(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddProviderDbContext<IdentityDb, SqliteIdentityDb, PostgresIdentityDb>(IdentityDb.Name, database, (sp, o) => o.AddInterceptors(sp.GetRequiredService<Coordination.Shared.Messaging.CommitSignalInterceptor>()));
        var dataProtection = services.AddDataProtection().SetApplicationName("Coordination");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Several instances share one key ring, so cookies and tokens work on any of them.
            dataProtection.PersistKeysToDbContext<IdentityDb>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));
        }

        services.AddScoped<Coordination.Shared.Security.IUserAccounts, UserAccounts>();
        services.AddScoped<SignInRevocation>();
        services.AddScoped<Account.CredentialCheck>();
        services.AddScoped<IUserRoles, UserRoles>();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Coordination:Auth:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddUserManager<AppUserManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        // Sessions live in the database (SessionStore): a sign-out ends that session, a new
        // security stamp every session. The stamp validator also refreshes roles this often.
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<SessionStore>((o, store) => o.SessionStore = store);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = configuration.GetValue("Coordination:Auth:SessionCheckInterval", TimeSpan.FromMinutes(1)));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "coordination.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for the site, bearer token for the API", o =>
                o.ForwardDefaultSelector = context => IsApi(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = configuration.GetValue("Coordination:Auth:TokenLifetime", TimeSpan.FromHours(8)));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.NetworkMember, p => p.RequireRole([.. Roles.Network]))
            .AddPolicy(Policies.Reviewing, p => p.RequireRole([.. Roles.Network, Roles.Reviewer]))
            .AddPolicy(Policies.Monitoring, p => p.RequireRole(Roles.Coordinator, Roles.Funder))
            .AddPolicy(Policies.ProjectWork, p => p.RequireRole(Roles.Coordinator, Roles.ProjectManager));

        var permits = configuration.GetValue("Coordination:RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var publicPermits = configuration.GetValue("Coordination:RateLimits:PublicFormsPerMinute", 30);
            o.AddPolicy(RateLimits.PublicForms, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var services = context.HttpContext.RequestServices;
                var l = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.HostStrings>>();
                await services.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = l["TooManyAttempts"] },
                });
            };
        });
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Creates the roles and the first coordinator: from configuration, or, on a fresh
    /// install without it, with a random password written to a file in the data folder.</summary>
    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, DatabaseOptions database, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = configuration["Coordination:Bootstrap:AdminEmail"];
        var password = configuration["Coordination:Bootstrap:AdminPassword"];
        string? credentialsFile = null;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if ((await users.GetUsersInRoleAsync(Roles.Coordinator)).Count > 0)
            {
                return;
            }

            email = "koordinaattori@localhost";
            password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)).Replace('/', '7').Replace('+', '3') + "9a";
            credentialsFile = Path.Combine(database.DataDirectory, "initial-coordinator.txt");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Coordinator" };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap coordinator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Coordinator);
        if (credentialsFile is not null)
        {
            await File.WriteAllTextAsync(credentialsFile, $"Sign in at /account/sign-in as {email} with the password {password}\nThen add your own coordinator account and remove this one, or set Coordination__Bootstrap__AdminEmail and __AdminPassword.\n");
            logger.LogWarning("No coordinator was configured: created one; its sign-in is in {File}", credentialsFile);
        }
        else
        {
            logger.LogInformation("Created the bootstrap coordinator account");
        }
    }

    /// <summary>Issues a bearer token as the bearer handler will read it back.</summary>
    public static (string Token, DateTimeOffset ExpiresAt) IssueToken(IServiceProvider services, System.Security.Claims.ClaimsPrincipal principal, TimeProvider clock)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return (options.BearerTokenProtector.Protect(ticket), expires);
    }
}
