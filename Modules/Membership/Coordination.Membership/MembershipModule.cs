using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership;

/// <summary>Membership: the network itself — networks, projects, organisations, people.</summary>
public sealed class MembershipModule : IModule
{
    public string Name => "Membership";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<MembershipDbContext, SqliteMembershipDbContext, PostgresMembershipDbContext>();
        module.Services
            .AddScoped<Access.ProjectAccess>()
            .AddScoped<Features.SaveNetwork.NetworkSaver>()
            .AddScoped<Features.ViewNetwork.NetworkSettings>()
            .AddScoped<Features.Organisations.OrganisationSaver>()
            .AddScoped<Projects.ProjectSaver>()
            .AddScoped<Features.Projects.ProjectPageQuery>()
            .AddScoped<Features.People.PersonSaver>()
            .AddScoped<Features.People.PersonEraser>()
            .AddScoped<Features.CommitmentLetters.LetterSaver>()
            .AddScoped<Features.Goals.GoalSaver>()
            .AddScoped<Features.WorkingGroups.GroupSaver>()
            .AddScoped<Features.ImportApplication.ApplicationImporter>()
            .AddScoped<Features.ImportApplication.ImportedProjects>()
            .AddScoped<Features.Plans.PlanSaver>()
            .AddScoped<Features.DeleteProject.ProjectDeleter>();
        module.AddRepublisher<Integration.MembershipRepublisher>();
        module.AddHomeSections<Features.Home.MembershipHomeSections>();
        module.AddRecurringJob<Features.Projects.EndProjectsJob>("membership-end-projects", "10 0 * * *");
        module.AddNavigation(new NavigationEntry("/membership/networks", "NavNetworks", typeof(MembershipStrings), Policies.NetworkMember, 10, NavigationGroups.Network));
        module.AddNavigation(new NavigationEntry("/membership/projects", "NavProjects", typeof(MembershipStrings), Policies.NetworkMember, 11, NavigationGroups.Network));
        module.AddNavigation(new NavigationEntry("/membership/organisations", "NavOrganisations", typeof(MembershipStrings), Policies.NetworkMember, 12, NavigationGroups.Network));
        module.AddNavigation(new NavigationEntry("/membership/people", "NavPeople", typeof(MembershipStrings), Policies.NetworkMember, 13, NavigationGroups.Network));
    }
}
