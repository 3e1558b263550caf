using Coordination.Shared.Web;
using Coordination.Surveys.Features.SaveSurvey;

namespace Coordination.Surveys.Authoring;

/// <summary>A starting point: title, intro and questions the coordinator then edits.</summary>
internal sealed record SurveyTemplate(string Name, LocalizedTextInput Title, LocalizedTextInput Intro, bool Anonymous, List<QuestionInput> Questions);

/// <summary>The templates of the coordination work: network feedback, evaluation of the
/// coordination goals, event feedback and the network health self-assessment (ten
/// characteristics of a functioning network). Texts are our own, in fi/sv/en.</summary>
internal static class SurveyTemplates
{
    public const string NetworkFeedback = "networkFeedback";
    public const string GoalEvaluation = "goalEvaluation";
    public const string EventFeedback = "eventFeedback";
    public const string NetworkHealth = "networkHealth";

    public static IReadOnlyList<string> Names { get; } = [NetworkFeedback, GoalEvaluation, EventFeedback, NetworkHealth];

    private static readonly LocalizedTextInput Disagree = T("Täysin eri mieltä", "Helt av annan åsikt", "Strongly disagree");
    private static readonly LocalizedTextInput Agree = T("Täysin samaa mieltä", "Helt av samma åsikt", "Strongly agree");

    public static SurveyTemplate? Find(string? name) => name switch
    {
        NetworkFeedback => NetworkFeedbackTemplate(),
        GoalEvaluation => GoalEvaluationTemplate(),
        EventFeedback => EventFeedbackTemplate(),
        NetworkHealth => NetworkHealthTemplate(),
        _ => null,
    };

    private static SurveyTemplate NetworkFeedbackTemplate()
    {
        var statements = new[]
        {
            ("equality", T("Hankkeemme on edistänyt yhdenvertaisuutta", "Vårt projekt har främjat likabehandling", "Our project has advanced equal treatment")),
            ("genderEquality", T("Hankkeemme on edistänyt sukupuolten tasa-arvoa", "Vårt projekt har främjat jämställdhet", "Our project has advanced gender equality")),
            ("rooted", T("Kehittämämme toimintatavat ovat jääneet osaksi arkea", "Arbetssätten vi utvecklat har blivit en del av vardagen", "The practices we developed have become part of everyday work")),
            ("scalable", T("Toimintamallimme voidaan ottaa käyttöön myös muissa oppilaitoksissa", "Våra modeller kan tas i bruk även vid andra läroanstalter", "Our models can be taken up by other institutions too")),
            ("cooperation", T("Yhteistyö toimijoiden välillä on tiivistynyt", "Samarbetet mellan aktörerna har fördjupats", "Cooperation between the actors has grown closer")),
            ("responsibility", T("Verkosto on vahvistanut oppilaitosten sosiaalista vastuullisuutta", "Nätverket har stärkt läroanstalternas sociala ansvar", "The network has strengthened the social responsibility of institutions")),
            ("stakeholders", T("Yhteistyö muiden organisaatioiden ja sidosryhmien kanssa on parantunut", "Samarbetet med andra organisationer och intressenter har förbättrats", "Cooperation with other organisations and stakeholders has improved")),
        };
        List<QuestionInput> questions =
        [
            .. statements.Select((s, i) => Likert(s.Item1, s.Item2, Disagree, Agree, "impact",
                i == 0 ? T("Vaikutukset", "Effekter", "Impact") : null)),
            Open("helped", T("Mitkä tekijät ovat edistäneet hankkeen tuloksellista toteutusta?", "Vilka faktorer har främjat ett resultatrikt genomförande?", "What has helped the project achieve results?"),
                T("Edistäneet ja haastaneet tekijät", "Främjande och hindrande faktorer", "What helped and what hindered")),
            Open("hindered", T("Mitkä tekijät ovat haastaneet toteutusta?", "Vilka faktorer har försvårat genomförandet?", "What has made the work harder?")),
            Open("longTerm", T("Millaisia pidemmän aikavälin vaikutuksia toivot tai näet hankkeella olevan?", "Vilka långsiktiga effekter ser eller hoppas du att projektet har?", "What longer-term effects do you see or hope for?"),
                T("Pidemmän aikavälin vaikutukset", "Långsiktiga effekter", "Longer-term effects")),
        ];
        return new(NetworkFeedback,
            T("Verkoston palautekysely", "Nätverkets responsenkät", "Network feedback survey"),
            T("Kerromme tuloksista verkostolle ja rahoittajalle. Vastaaminen vie noin kymmenen minuuttia.", "Vi berättar om resultaten för nätverket och finansiären. Att svara tar cirka tio minuter.", "We report the results to the network and the funder. Answering takes about ten minutes."),
            Anonymous: true, questions);
    }

    private static SurveyTemplate GoalEvaluationTemplate()
    {
        var low = T("Ei lainkaan onnistunut", "Inte alls lyckad", "Not at all successful");
        var high = T("Erittäin onnistunut", "Mycket lyckad", "Very successful");
        var goals = new[]
        {
            ("supportDevelopment", T("Hankkeiden kehittämistyön tukeminen", "Stöd för projektens utvecklingsarbete", "Supporting the projects' development work")),
            ("strengthenNetwork", T("Verkoston yhteistyön vahvistaminen", "Att stärka samarbetet i nätverket", "Strengthening cooperation in the network")),
            ("compileResults", T("Tulosten kokoaminen ja tunnistaminen", "Att samla och identifiera resultaten", "Compiling and identifying the results")),
            ("disseminateResults", T("Tulosten levittäminen ja juurruttaminen", "Att sprida och förankra resultaten", "Disseminating and rooting the results")),
            ("funderDialogue", T("Vuoropuhelu rahoittajan ja hankkeiden välillä", "Dialogen mellan finansiären och projekten", "Dialogue between the funder and the projects")),
        };
        List<QuestionInput> questions =
        [
            .. goals.Select((g, i) => Likert(g.Item1, g.Item2, low, high, "goals",
                i == 0 ? T("Kuinka hyvin koordinaatiohanke on onnistunut tavoitteissaan?", "Hur väl har koordineringsprojektet lyckats med sina mål?", "How well has the coordination project met its goals?") : null)),
            Open("goalComments", T("Perustele arviotasi tai kerro, mitä koordinaation pitäisi tehdä toisin", "Motivera din bedömning eller berätta vad koordineringen borde göra annorlunda", "Explain your rating or tell what coordination should do differently")),
        ];
        return new(GoalEvaluation,
            T("Koordinaation tavoitteiden arviointi", "Utvärdering av koordineringens mål", "Evaluation of the coordination goals"),
            T("Arvioi asteikolla 1–5, kuinka hyvin koordinaatio on onnistunut kussakin tavoitteessa.", "Bedöm på skalan 1–5 hur väl koordineringen har lyckats med varje mål.", "Rate on a scale of 1–5 how well coordination has met each goal."),
            Anonymous: true, questions);
    }

    private static SurveyTemplate EventFeedbackTemplate()
    {
        List<QuestionInput> questions =
        [
            Likert("overall", T("Tapahtuma oli kokonaisuutena onnistunut", "Evenemanget var som helhet lyckat", "Overall the event was a success"), Disagree, Agree, "event"),
            Likert("useful", T("Sain tapahtumasta käyttökelpoisia ideoita omaan työhöni", "Jag fick användbara idéer för mitt arbete", "I got ideas I can use in my own work"), Disagree, Agree, "event"),
            Likert("networking", T("Tapahtuma auttoi verkostoitumaan muiden hankkeiden kanssa", "Evenemanget hjälpte mig att nätverka med andra projekt", "The event helped me network with other projects"), Disagree, Agree, "event"),
            new("again", "single", T("Osallistuisitko vastaavaan tapahtumaan uudelleen?", "Skulle du delta i ett liknande evenemang igen?", "Would you attend a similar event again?"),
                [T("Kyllä", "Ja", "Yes"), T("Ehkä", "Kanske", "Maybe"), T("En", "Nej", "No")]),
            Open("best", T("Mikä oli parasta?", "Vad var bäst?", "What was best?")),
            Open("improve", T("Mitä kehittäisit?", "Vad skulle du utveckla?", "What would you improve?")),
        ];
        return new(EventFeedback,
            T("Palaute tapahtumasta", "Respons på evenemanget", "Event feedback"),
            T("Kiitos osallistumisesta! Palautteesi auttaa meitä suunnittelemaan seuraavat tapahtumat.", "Tack för att du deltog! Din respons hjälper oss att planera kommande evenemang.", "Thank you for taking part! Your feedback helps us plan the next events."),
            Anonymous: true, questions);
    }

    private static SurveyTemplate NetworkHealthTemplate()
    {
        var low = T("Ei pidä lainkaan paikkaansa", "Stämmer inte alls", "Not true at all");
        var high = T("Pitää täysin paikkansa", "Stämmer helt", "Completely true");
        var characteristics = new[]
        {
            ("rules", T("Verkostolla on yhdessä sovitut pelisäännöt", "Nätverket har gemensamt överenskomna spelregler", "The network has rules agreed together")),
            ("commitmentFromStart", T("Jokainen toimija sitoutui verkostoon jo hakuvaiheessa", "Varje aktör förband sig till nätverket redan i ansökningsskedet", "Every actor committed to the network already when applying")),
            ("commitmentLetters", T("Sitoumuksissa on kirjattu kunkin toimijan tehtävät", "Åtagandena anger varje aktörs uppgifter", "The commitment letters set out each actor's tasks")),
            ("leadership", T("Organisaatioiden johto on sitoutunut verkoston työhön", "Organisationernas ledning har förbundit sig till nätverkets arbete", "The organisations' leadership is committed to the network's work")),
            ("coordinator", T("Verkostolla on aktiivinen koordinaattori", "Nätverket har en aktiv koordinator", "The network has an active coordinator")),
            ("meetings", T("Verkosto kokoontuu säännöllisesti", "Nätverket träffas regelbundet", "The network meets regularly")),
            ("goalReview", T("Tavoitteita tarkastellaan säännöllisesti yhdessä", "Målen granskas regelbundet tillsammans", "The goals are reviewed together regularly")),
            ("trust", T("Toimijoiden välillä vallitsee luottamus", "Det råder förtroende mellan aktörerna", "There is trust between the actors")),
            ("openSharing", T("Tietoa ja kokemuksia jaetaan avoimesti", "Information och erfarenheter delas öppet", "Information and experience are shared openly")),
            ("motivation", T("Kumppanien motivaatiosta pidetään huolta", "Partnernas motivation tas om hand", "The partners are kept motivated")),
        };
        List<QuestionInput> questions =
        [
            .. characteristics.Select((c, i) => Likert(c.Item1, c.Item2, low, high, "health",
                i == 0 ? T("Toimivan verkoston tunnusmerkit", "Kännetecken för ett fungerande nätverk", "Characteristics of a functioning network") : null)),
            Open("healthActions", T("Mihin tunnusmerkkiin verkoston pitäisi seuraavaksi panostaa ja miten?", "Vilket kännetecken borde nätverket satsa på härnäst, och hur?", "Which characteristic should the network work on next, and how?")),
        ];
        return new(NetworkHealth,
            T("Verkoston toimivuuden itsearviointi", "Självvärdering av nätverkets funktion", "Network health self-assessment"),
            T("Arvioi, kuinka hyvin kukin toimivan verkoston tunnusmerkki pitää paikkansa meidän verkostossamme.", "Bedöm hur väl varje kännetecken för ett fungerande nätverk stämmer för vårt nätverk.", "Rate how true each characteristic of a functioning network is for our network."),
            Anonymous: false, questions);
    }

    private static QuestionInput Likert(string key, LocalizedTextInput text, LocalizedTextInput low, LocalizedTextInput high, string matrix, LocalizedTextInput? section = null)
        => new(key, "likert", text, CantSay: true, Section: section, Matrix: matrix, LowLabel: low, HighLabel: high);

    private static QuestionInput Open(string key, LocalizedTextInput text, LocalizedTextInput? section = null)
        => new(key, "text", text, Section: section);

    private static LocalizedTextInput T(string fi, string sv, string en) => new(fi, sv, en);
}
