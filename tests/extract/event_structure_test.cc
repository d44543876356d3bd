// Events read from the sentence's structure: arguments by grammatical
// relation, coordination, pronouns, one event per happening across
// sentences, and headlines in title case. Sentences written for these
// tests (not from any evaluation set).

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer_test_util.h"

namespace newsx::extract {
namespace {

std::vector<const Event*> OfType(const ExtractedArticle& x, const std::string& type) {
  std::vector<const Event*> out;
  for (const Event& e : x.events) {
    if (e.type == type) out.push_back(&e);
  }
  return out;
}

std::vector<std::string> Args(const Event& e, const std::string& role) {
  std::vector<std::string> out;
  for (const EventArg& a : e.args) {
    if (a.role == role) out.push_back(a.entity_id.empty() ? a.text : a.entity_id);
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_CASE("An award takes its authority, recipient, amount and place from the parse",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department awarded $50 million to Wolfspeed to expand its plant in "
      "North Carolina.",
      "2026-03-02T00:00:00Z");
  const auto awards = OfType(x, "award");
  REQUIRE(awards.size() == 1);
  CHECK(Has(Args(*awards[0], "authority"), "org:us-commerce-department"));
  CHECK(Args(*awards[0], "recipient").size() == 1);
  CHECK(Args(*awards[0], "amount") == std::vector<std::string>{"$50 million"});
  CHECK(Args(*awards[0], "place").size() == 1);
  // One amount, one transaction: the purpose clause makes no investment.
  CHECK(OfType(x, "investment").empty());
}

TEST_CASE("A firm's name opening a sentence is read as a name, not a verb",
          "[extract][event][structure]") {
  // The tagger alone takes the unknown all-caps "ACMW" first word for a verb
  // ("acmws"), and the order loses its seller.
  const ExtractedArticle x = testing::AnalyzeText(
      "ACMW Technologies Corp. (NASDAQ: ACMW) today announced it has concluded negotiations on "
      "a contract valued at approximately $12.5 million from a multinational manufacturer.",
      "2026-03-02T00:00:00Z");
  const auto orders = OfType(x, "order");
  REQUIRE(orders.size() == 1);
  CHECK(Has(Args(*orders[0], "seller"), "org:acmw-technologies"));
  CHECK(Args(*orders[0], "amount") == std::vector<std::string>{"approximately $12.5 million"});
}

TEST_CASE("Triggers of one type in one sentence make one event",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department reached a preliminary agreement with Intel to provide $8.5 "
      "billion in direct funding and $11 billion in loans.",
      "");
  const auto awards = OfType(x, "award");
  REQUIRE(awards.size() == 1);
  CHECK(Has(Args(*awards[0], "authority"), "org:us-commerce-department"));
  CHECK(Has(Args(*awards[0], "recipient"), "org:intel"));
  CHECK(Has(Args(*awards[0], "amount"), "$8.5 billion"));
}

TEST_CASE("A noun trigger in the phrase of a verb trigger of its type adds to its event",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Micron will invest $15 billion to build new investments in Idaho.", "");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:micron"));
}

TEST_CASE("Coordinated places all fill the role", "[extract][event][structure]") {
  const ExtractedArticle x =
      testing::AnalyzeText("Intel will invest $20 billion in Arizona, Ohio and Oregon.", "");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:intel"));
  const auto places = Args(*inv[0], "place");
  CHECK(places.size() == 3);
  // A place is no "thing" item.
  CHECK(Args(*inv[0], "item").empty());
}

TEST_CASE("A conjunct shares the role whatever the kind of place", "[extract][event][structure]") {
  // The recipient slot asks for a country; Hong Kong is a region of China.
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department granted licences for exports of memory chips to Vietnam and "
      "Hong Kong.",
      "");
  const auto approvals = OfType(x, "export_approval");
  REQUIRE(approvals.size() == 1);
  const auto to = Args(*approvals[0], "recipient");
  CHECK(Has(to, "place:vietnam"));
  CHECK(Has(to, "place:hong-kong"));
}

TEST_CASE("A launch names the person presenting it, also where the parse loses the subject",
          "[extract][event][structure]") {
  // "as <name> was unveiling": the parser reads "as Nvidia CEO Jensen
  // Huang" as an oblique of "came", so the subject is found by position.
  const ExtractedArticle x = testing::AnalyzeText(
      "The report came as Nvidia CEO Jensen Huang was unveiling the B300 and a major AI "
      "partnership in Japan.",
      "");
  const auto launches = OfType(x, "product_launch");
  REQUIRE(launches.size() == 1);
  CHECK(Has(Args(*launches[0], "seller"), "org:nvidia"));
  CHECK(Has(Args(*launches[0], "person"), "person:jensen-huang"));
}

TEST_CASE("A definite mention adds to the happening told before",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Micron announced a $10 billion investment in Idaho. The investment includes a new fab "
      "in Boise.",
      "");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:micron"));
  CHECK(Args(*inv[0], "place").size() == 2);
  CHECK(inv[0]->evidence.size() == 2);
}

TEST_CASE("A pronoun subject stands for the name before it", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Alibaba said it would spend at least 380 billion yuan on AI infrastructure.", "");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:alibaba"));
  CHECK(inv[0]->modality == "possible");
}

TEST_CASE("A contract won makes the winner the seller, also in a title-case headline",
          "[extract][event][structure]") {
  for (const char* text :
       {"Nvidia Secures $50 Million Contract With Global Automaker",
        "Nvidia secured a $50 million contract from a global automaker."}) {
    INFO(text);
    const ExtractedArticle x = testing::AnalyzeText(text, "");
    const auto orders = OfType(x, "order");
    REQUIRE(orders.size() == 1);
    CHECK(Has(Args(*orders[0], "seller"), "org:nvidia"));
    CHECK(Args(*orders[0], "buyer").size() == 1);
  }
}

TEST_CASE("A headline's approval and the body's attributed one are one reported event",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "China Approves Nvidia H200 Imports\n\nChina has approved imports of Nvidia H200 chips, "
      "according to Reuters.",
      "");
  const auto approvals = OfType(x, "import_approval");
  REQUIRE(approvals.size() == 1);
  CHECK(approvals[0]->modality == "reported");
  CHECK(approvals[0]->source == "org:reuters");
  CHECK(approvals[0]->evidence.size() == 2);
}

TEST_CASE("A ticker names the firm before it", "[extract][entity][structure]") {
  const ExtractedArticle x =
      testing::AnalyzeText("Nvidia (Nasdaq: NVDA) shares rose after NVDA reported.", "");
  int nvidia_mentions = 0;
  for (const Entity& e : x.entities) {
    CHECK(e.id != "org:nvda");
    CHECK(e.id != "org:nasdaq");
    if (e.id == "org:nvidia") nvidia_mentions = static_cast<int>(e.mentions.size());
  }
  CHECK(nvidia_mentions == 3);
}

TEST_CASE("Tickers in parentheses do not break a list of investors",
          "[extract][event][structure]") {
  // Without the asides the parser hangs the conjuncts on the exchange.
  const ExtractedArticle x = testing::AnalyzeText(
      "Cloud giants like Amazon (NASDAQ: AMZN), Microsoft (NASDAQ: MSFT) and Google "
      "(NASDAQ: GOOG) are pouring $50 billion in investment into data centers.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  const auto investors = Args(*inv[0], "investor");
  CHECK(Has(investors, "org:amazon"));
  CHECK(Has(investors, "org:microsoft"));
  CHECK(Has(investors, "org:google"));
}

TEST_CASE("A visit's place comes through 'where', its site is the whole noun phrase",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The minister made a trip to Japan, where she visited Micron's memory plant to see "
      "the new line.",
      "2026-03-02T00:00:00Z");
  const auto visits = OfType(x, "visit");
  REQUIRE(visits.size() == 1);
  CHECK(Has(Args(*visits[0], "place"), "place:japan"));
  // The site is the plant, not its owner; the trip's phrase holds the
  // relative clause, whose firm is not the trip's site.
  const auto sites = Args(*visits[0], "site");
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].find("memory plant") != std::string::npos);
}

TEST_CASE("Coordinated things, purpose clauses and receivers fill their roles",
          "[extract][event][structure]") {
  SECTION("each conjunct of a thing is an item") {
    const ExtractedArticle x = testing::AnalyzeText(
        "China's commerce ministry said it would restrict exports of gallium and germanium "
        "from August.",
        "2026-03-02T00:00:00Z");
    const auto r = OfType(x, "trade_restriction");
    REQUIRE(r.size() == 1);
    CHECK(Args(*r[0], "item") == std::vector<std::string>{"gallium", "germanium"});
  }
  SECTION("the object of a purpose clause is what money is spent on") {
    const ExtractedArticle x = testing::AnalyzeText(
        "Intel said it would spend $20 billion to build two new chip factories in Ohio.",
        "2026-03-02T00:00:00Z");
    const auto inv = OfType(x, "investment");
    REQUIRE(inv.size() == 1);
    CHECK(Args(*inv[0], "item") == std::vector<std::string>{"two new chip factories"});
  }
  SECTION("who receives an amount in grants is its recipient") {
    const ExtractedArticle x = testing::AnalyzeText(
        "Micron Technology will receive up to $6.1 billion in grants from the Commerce "
        "Department.",
        "2026-03-02T00:00:00Z");
    const auto awards = OfType(x, "award");
    REQUIRE(awards.size() == 1);
    CHECK(Has(Args(*awards[0], "recipient"), "org:micron"));
  }
  SECTION("expanding is an investment only with money named") {
    const ExtractedArticle x = testing::AnalyzeText(
        "The Netherlands will expand export restrictions on ASML's lithography machines.",
        "2026-03-02T00:00:00Z");
    CHECK(OfType(x, "investment").empty());
    CHECK(OfType(x, "trade_restriction").size() == 1);
  }
}

TEST_CASE("A thing is neither a date nor an amount", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "SK Hynix will build a $3.87 billion advanced packaging plant in Indiana, the company "
      "said on Monday.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Args(*inv[0], "item") == std::vector<std::string>{"advanced packaging plant"});
  CHECK(Args(*inv[0], "amount") == std::vector<std::string>{"$3.87 billion"});
}

TEST_CASE("Licences to sell are export approvals", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "AMD said it had received licences to sell its MI308 chips to China.",
      "2026-03-02T00:00:00Z");
  const auto ok = OfType(x, "export_approval");
  REQUIRE(ok.size() == 1);
  CHECK(Has(Args(*ok[0], "item"), "chip:amd/mi308"));
}

TEST_CASE("An official act with no doer in its sentence is the issuing body's",
          "[extract][event][structure]") {
  // BIS is the doer of the notice's clauses; the restriction's sentence
  // names none.
  const ExtractedArticle notice = testing::AnalyzeText(
      "BIS published the rule on Monday. Nvidia said the new export controls on advanced "
      "computing chips would cut its sales.",
      "2026-03-02T00:00:00Z");
  const std::vector<const Event*> r = OfType(notice, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(Has(Args(*r[0], "authority"), "org:bis"));
  // A government does not restrict trade with its own country: the act is
  // someone else's, and none is guessed.
  const ExtractedArticle news = testing::AnalyzeText(
      "The Chinese government said on Monday it would buy soybeans. Nvidia said the new "
      "export controls on China would cut its sales.",
      "2026-03-02T00:00:00Z");
  const std::vector<const Event*> own = OfType(news, "trade_restriction");
  REQUIRE(own.size() == 1);
  CHECK(Has(Args(*own[0], "target"), "place:china"));
  CHECK(Args(*own[0], "authority").empty());
  // Without a public body acting in the text, no authority is made up.
  const ExtractedArticle none = testing::AnalyzeText(
      "Nvidia said the new export controls on advanced computing chips would cut its sales.",
      "2026-03-02T00:00:00Z");
  const std::vector<const Event*> n = OfType(none, "trade_restriction");
  REQUIRE(n.size() == 1);
  CHECK(Args(*n[0], "authority").empty());
}

TEST_CASE("A possessive pronoun stands for the doer before it", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Department of Energy made its largest award to Wolfspeed.", "2026-03-02T00:00:00Z");
  const std::vector<const Event*> a = OfType(x, "award");
  REQUIRE(a.size() == 1);
  CHECK(Has(Args(*a[0], "authority"), "org:department-of-energy"));
  CHECK(Has(Args(*a[0], "recipient"), "org:wolfspeed"));
}

TEST_CASE("\"This <event noun>\" adds to the happening of the sentence before it",
          "[extract][event][structure]") {
  // The award is told as an award, then pointed at as "this investment".
  const ExtractedArticle x = testing::AnalyzeText(
      "The Department of Energy made its largest award to Wolfspeed. This $750 million "
      "investment in Siler City will double the plant's output.",
      "2026-03-02T00:00:00Z");
  const std::vector<const Event*> a = OfType(x, "award");
  REQUIRE(a.size() == 1);
  bool amount = false;
  for (const EventArg& arg : a[0]->args) amount |= arg.role == "amount" && arg.quantity.has_value();
  CHECK(amount);
  CHECK(a[0]->evidence.size() == 2);
  CHECK(OfType(x, "investment").empty());
}

TEST_CASE("A trigger word's own modifier is what the trigger is about",
          "[extract][event][structure]") {
  // "chip" modifies "export", a word of the trigger "export restrictions".
  const ExtractedArticle x = testing::AnalyzeText(
      "Canada released another round of memory chip export restrictions against Iran.",
      "2026-03-02T00:00:00Z");
  const auto r = OfType(x, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(Has(Args(*r[0], "item"), "memory chip"));
}

TEST_CASE("A headline's event is the body's first event of its type",
          "[extract][event][structure]") {
  // The headline names the authority, the body the target: no entity is
  // shared, yet it is one happening.
  const ExtractedArticle x = testing::AnalyzeText(
      "New Canadian Chip Export Restrictions Hit Suppliers\n\n"
      "The government in Ottawa released another round of chip export restrictions against "
      "Iran on Monday. Suppliers said they were studying the rules.",
      "2026-03-02T00:00:00Z");
  const auto r = OfType(x, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(r[0]->evidence.size() == 2);
  CHECK(Has(Args(*r[0], "target"), "place:iran"));
  // A headline ending in a full stop is a sentence of the body, not a headline.
  const ExtractedArticle two = testing::AnalyzeText(
      "Canada imposed export restrictions on Russia.\n\n"
      "Japan released another round of chip export restrictions against Iran on Monday.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(two, "trade_restriction").size() == 2);
}

TEST_CASE("A later sentence that says which chips an event's items are adds them",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department is revising its licence policy for exports of certain processors "
      "to Vietnam. The processors covered by this rule are the Nvidia H200 and its equivalents.",
      "2026-03-02T00:00:00Z");
  const auto approvals = OfType(x, "export_approval");
  REQUIRE(approvals.size() == 1);
  CHECK(Has(Args(*approvals[0], "item"), "chip:nvidia/h200"));
  // Chips named after a subject that is no item of the event add nothing.
  const ExtractedArticle other = testing::AnalyzeText(
      "The Commerce Department is revising its licence policy for exports of certain processors "
      "to Vietnam. The best sellers this year are the Nvidia H200 and its equivalents.",
      "2026-03-02T00:00:00Z");
  const auto approvals2 = OfType(other, "export_approval");
  REQUIRE(approvals2.size() == 1);
  CHECK_FALSE(Has(Args(*approvals2[0], "item"), "chip:nvidia/h200"));
}

TEST_CASE("A second amount of an event's type in its sentence adds to that event",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department has reached a preliminary agreement with Wolfspeed to provide up "
      "to $750 million in direct funding along with $2 billion in loans.",
      "2026-03-02T00:00:00Z");
  const auto awards = OfType(x, "award");
  REQUIRE(awards.size() == 1);
  CHECK(Args(*awards[0], "amount").size() == 2);
}

TEST_CASE("A proclamation's acts are its country's", "[extract][event][structure]") {
  // Its doer writes "I"; the first line says who that is.
  const ExtractedArticle x = testing::AnalyzeText(
      "BY THE PRESIDENT OF THE UNITED STATES OF AMERICA\n\nA PROCLAMATION\n\n"
      "1. The Secretary of the Treasury transmitted a report to me on the imports of memory "
      "chips.\n\n2. I have determined that it is necessary and appropriate to impose a 30 percent "
      "duty on imports of certain memory chips.",
      "2026-03-02T00:00:00Z");
  const auto r = OfType(x, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(Has(Args(*r[0], "authority"), "place:united-states"));
}

TEST_CASE("A gain stated as a multiple is a comparison; a percent change is not",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The company's new processors deliver a 12-fold increase in memory bandwidth.",
      "2026-03-02T00:00:00Z");
  const auto c = OfType(x, "comparison");
  REQUIRE(c.size() == 1);
  CHECK(Args(*c[0], "quantity") == std::vector<std::string>{"12-fold"});
  CHECK(Has(Args(*c[0], "item"), "new processors"));
  CHECK(Has(Args(*c[0], "aspect"), "memory bandwidth"));
  const ExtractedArticle percent = testing::AnalyzeText(
      "The company's new processors drove a 12% increase in revenue.", "2026-03-02T00:00:00Z");
  CHECK(OfType(percent, "comparison").empty());
}

TEST_CASE("An investigation's item is what its purpose clause examines",
          "[extract][event][structure]") {
  // "the dumping of X": an action named by a noun in -ing stands for its
  // "of" phrase.
  const ExtractedArticle x = testing::AnalyzeText(
      "The European Commission is launching an anti-dumping investigation to examine Vietnam's "
      "dumping of solar wafers.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investigation");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "item"), "solar wafers"));
}

TEST_CASE("A trigger that only says when takes nothing from its verb",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "President Lee flew to Ohio on Monday. During his visit to Ohio, he will discuss the plan "
      "that he laid out in March.",
      "2026-03-02T00:00:00Z");
  const auto visits = OfType(x, "visit");
  REQUIRE(visits.size() == 1);
  CHECK(Has(Args(*visits[0], "place"), "place:ohio"));
  CHECK_FALSE(Has(Args(*visits[0], "site"), "plan"));
}

TEST_CASE("A verbal trigger's noun tells no transaction", "[extract][event][structure]") {
  const ExtractedArticle noun = testing::AnalyzeText(
      "Exporters must show that there is sufficient supply of the Nvidia H20 in the United States.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(noun, "sale").empty());
  const ExtractedArticle verb = testing::AnalyzeText(
      "SK Hynix supplies Nvidia H20 chips to Lenovo.", "2026-03-02T00:00:00Z");
  CHECK(OfType(verb, "sale").size() == 1);
}

TEST_CASE("A firm named inside the item makes it; it neither buys it nor is 'it'",
          "[extract][event][structure]") {
  const ExtractedArticle maker = testing::AnalyzeText(
      "The 30 Boeing jets ordered last year will arrive in March.", "2026-03-02T00:00:00Z");
  const auto orders = OfType(maker, "order");
  REQUIRE(orders.size() == 1);
  CHECK(Has(Args(*orders[0], "seller"), "org:boeing"));
  CHECK(Args(*orders[0], "buyer").empty());
  // The pronoun's antecedent is not the name that modifies "jets".
  const ExtractedArticle pronoun = testing::AnalyzeText(
      "In addition to its order of 30 Boeing jets on Wednesday, it announced an order of 50 "
      "Airbus jets on Monday.",
      "2026-03-02T00:00:00Z");
  for (const Event* e : OfType(pronoun, "order")) {
    CHECK_FALSE(Has(Args(*e, "buyer"), "org:boeing"));
  }
}

TEST_CASE("An amount an investment is brought to is its running total",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Micron will invest an additional $10 billion in Idaho. In total, today's announcement "
      "brings Micron's investment to about $60 billion.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Args(*inv[0], "amount") == std::vector<std::string>{"$10 billion"});
  CHECK(Args(*inv[0], "total") == std::vector<std::string>{"about $60 billion"});
}

TEST_CASE("An infinitive of purpose has its verb's doers", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Last year, the National Science Foundation and Intel announced $100 million to expand "
      "semiconductor training.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:national-science-foundation"));
  CHECK(Has(Args(*inv[0], "investor"), "org:intel"));
}

TEST_CASE("A trigger in a quoted title names a document", "[extract][event][structure]") {
  const ExtractedArticle title = testing::AnalyzeText(
      "The rule is published with a second BIS rule, \"Export Controls on Advanced Memory "
      "Items,\" which answers public comments.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(title, "trade_restriction").empty());
  // Quoted speech is no title.
  const ExtractedArticle speech = testing::AnalyzeText(
      "\"We will impose export controls on advanced memory chips,\" the BIS said on Monday.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(speech, "trade_restriction").size() == 1);
}

TEST_CASE("A country that modifies a firm noun is the firm's nationality, not an actor",
          "[extract][event][structure]") {
  // "from the French plane-maker": the seller, unnamed; France buys nothing.
  const ExtractedArticle order = testing::AnalyzeText(
      "The airline placed a larger order of A350 jets from the French plane-maker.",
      "2026-03-02T00:00:00Z");
  for (const Event* e : OfType(order, "order")) CHECK_FALSE(Has(Args(*e, "buyer"), "place:france"));
  // "Brazilian mining company Vale": the firm is the target, not Brazil.
  const ExtractedArticle probe = testing::AnalyzeText(
      "The Justice Department is investigating Brazilian mining company Vale.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(probe, "investigation");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "target"), "org:vale"));
  CHECK_FALSE(Has(Args(*inv[0], "target"), "place:brazil"));
  // A country before its officials still acts.
  const ExtractedArticle officials = testing::AnalyzeText(
      "Chinese regulators approved imports of H200 chips by Alibaba.", "2026-03-02T00:00:00Z");
  const auto ok = OfType(officials, "import_approval");
  REQUIRE(ok.size() == 1);
  CHECK(Has(Args(*ok[0], "authority"), "org:china-government"));
  CHECK(Has(Args(*ok[0], "buyer"), "org:alibaba"));
}

TEST_CASE("An attempt, a suggestion or a request is not yet the happening",
          "[extract][event][structure]") {
  const ExtractedArticle tried =
      testing::AnalyzeText("Nvidia tried to sell H20 chips to China.", "2026-03-02T00:00:00Z");
  const auto sale = OfType(tried, "sale");
  REQUIRE(sale.size() == 1);
  CHECK(sale[0]->modality == "possible");
  // The request is a cause here, not the sale's governor.
  const ExtractedArticle sold = testing::AnalyzeText(
      "Nvidia sold H20 chips to Chinese buyers after regulators requested it.",
      "2026-03-02T00:00:00Z");
  const auto done = OfType(sold, "sale");
  REQUIRE(done.size() == 1);
  CHECK(done[0]->modality == "asserted");
  const ExtractedArticle advice = testing::AnalyzeText(
      "The Secretary recommended imposing a 25 percent tariff on Chinese chips.",
      "2026-03-02T00:00:00Z");
  const auto tariff = OfType(advice, "trade_restriction");
  REQUIRE(tariff.size() == 1);
  CHECK(tariff[0]->modality == "possible");
}

TEST_CASE("A noun trigger's relative clause names its doer", "[extract][event][structure]") {
  // An active perfect participle with its own subject is not a passive.
  const ExtractedArticle tariff = testing::AnalyzeText(
      "In the latest talks with China, firms were unsure whether a tariff that the Commerce "
      "Department had planned to impose on chips would take effect.",
      "2026-03-02T00:00:00Z");
  const auto r = OfType(tariff, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(Args(*r[0], "authority") == std::vector<std::string>{"org:us-commerce-department"});
  const ExtractedArticle inv = testing::AnalyzeText(
      "The investment that Micron announced on Monday totals $5 billion.", "2026-03-02T00:00:00Z");
  const auto i = OfType(inv, "investment");
  REQUIRE(i.size() == 1);
  CHECK(Has(Args(*i[0], "investor"), "org:micron"));
  // An acronym after the name is the same authority, named once.
  const ExtractedArticle bis = testing::AnalyzeText(
      "The Bureau of Industry and Security (BIS) updated its rules to implement controls on "
      "advanced chips.",
      "2026-03-02T00:00:00Z");
  for (const Event* e : OfType(bis, "trade_restriction")) CHECK(Args(*e, "authority").size() == 1);
}

TEST_CASE("A tariff's rate is its quantity, not its item", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Washington imposed a 25 percent tariff on Chinese chips.", "2026-03-02T00:00:00Z");
  const auto r = OfType(x, "trade_restriction");
  REQUIRE(r.size() == 1);
  CHECK(Args(*r[0], "item") == std::vector<std::string>{"Chinese chips"});
  CHECK(Args(*r[0], "quantity") == std::vector<std::string>{"25 percent"});
}

TEST_CASE("A clause whose subject points back takes the earlier happening's place",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department signed a preliminary agreement with Micron to expand its plant in "
      "Idaho. This agreement will unlock $15 billion in investment from Micron.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:micron"));
  CHECK(Args(*inv[0], "place") == std::vector<std::string>{"place:idaho"});
  // Without the pointer back, the place is not assumed.
  const ExtractedArticle y = testing::AnalyzeText(
      "The Commerce Department signed a preliminary agreement with Micron to expand its plant in "
      "Idaho. Micron will unlock $15 billion in investment next year.",
      "2026-03-02T00:00:00Z");
  for (const Event* e : OfType(y, "investment")) CHECK(Args(*e, "place").empty());
}

TEST_CASE("Who draws investment in is not its investor", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Since 2022 the Department of Commerce has catalyzed billions of dollars in private sector "
      "investments across the country.",
      "2026-03-02T00:00:00Z");
  for (const Event* e : OfType(x, "investment")) {
    CHECK_FALSE(Has(Args(*e, "investor"), "org:us-commerce-department"));
  }
  // The investor named by "from" still is.
  const ExtractedArticle y = testing::AnalyzeText(
      "The deal will unlock $10 billion in investment from Micron.", "2026-03-02T00:00:00Z");
  const auto inv = OfType(y, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "investor"), "org:micron"));
}

TEST_CASE("What a firm delivers under a contract is the order's item",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Voltrix Technologies Inc. (NASDAQ: VLTX) said on Monday it has won a contract valued at "
      "about $22 million from a European rail operator. Under the agreement, Voltrix will supply "
      "traction transformer cores over two years.",
      "2026-03-02T00:00:00Z");
  const auto orders = OfType(x, "order");
  REQUIRE(orders.size() == 1);
  CHECK(Has(Args(*orders[0], "item"), "traction transformer cores"));
  CHECK(Args(*orders[0], "amount") == std::vector<std::string>{"about $22 million"});
  // Alone, a delivery names no order.
  const ExtractedArticle y = testing::AnalyzeText(
      "Under the agreement, Voltrix will supply traction transformer cores.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "order").empty());
}

TEST_CASE("A demonstrative mention joins the happening before it, not a later one",
          "[extract][event][structure]") {
  // The second award (preliminary terms, $90 million) must not first merge
  // into the amountless award of the first sentence and so shut out the
  // "This $1.2 billion investment" that continues it.
  const ExtractedArticle x = testing::AnalyzeText(
      "The Commerce Department has finalized its award with Lumerion Semiconductor. This $1.2 "
      "billion investment in Austin, Texas supports a new fab. The Commerce Department also "
      "agreed to preliminary terms with Lumerion Semiconductor for $90 million to expand its "
      "plant in Dayton, Ohio.",
      "2026-03-02T00:00:00Z");
  const auto awards = OfType(x, "award");
  REQUIRE(awards.size() == 2);
  CHECK(Args(*awards[0], "amount") == std::vector<std::string>{"$1.2 billion"});
  CHECK(Has(Args(*awards[0], "place"), "place:austin"));
  CHECK(Args(*awards[1], "amount") == std::vector<std::string>{"$90 million"});
  CHECK(Has(Args(*awards[1], "place"), "place:dayton"));
  CHECK(OfType(x, "investment").empty());
}

TEST_CASE("What a rule facilitates is its item; its reason and its name are not",
          "[extract][event][structure]") {
  // The opening purpose clause gives the reason, the capitalized words
  // before "authorization" its name, and the "of" phrase after the
  // coordination belongs to each of "export, reexport, and transfer".
  const ExtractedArticle x = testing::AnalyzeText(
      "To protect national security, the Commerce Department is adding new license exceptions "
      "and updating the Validated End User authorization to facilitate the export, reexport, and "
      "transfer of advanced computing chips to trusted data centers.",
      "2026-03-02T00:00:00Z");
  const auto approvals = OfType(x, "export_approval");
  REQUIRE(approvals.size() == 1);
  CHECK(Args(*approvals[0], "item") == std::vector<std::string>{"advanced computing chips"});
}

TEST_CASE("Chips no name names fill a chip role", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Nvidia launched its new AI chips at a trade fair in Taipei on Monday.",
      "2026-03-02T00:00:00Z");
  const auto launches = OfType(x, "product_launch");
  REQUIRE(launches.size() == 1);
  CHECK(Args(*launches[0], "item") == std::vector<std::string>{"new AI chips"});
  // In capitals the word is a name's: "IMS CHIPS" is a partner, no product.
  const ExtractedArticle y = testing::AnalyzeText(
      "Nvidia launched a partnership with IMS CHIPS in Stuttgart on Monday.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "product_launch").empty());
}

TEST_CASE("A place has its counterpart in each conjunct of the phrase it lies in",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Samsung announced a $17 billion investment. The investment includes construction of a new "
      "packaging plant in Austin, Texas, and modernizing its Taylor, Texas, facility.",
      "2026-03-02T00:00:00Z");
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Has(Args(*inv[0], "place"), "place:austin"));
  CHECK(Args(*inv[0], "place").size() == 2);  // Austin and Taylor, not Texas.
  // A conjunct clause with a doer of its own tells another happening.
  const ExtractedArticle y = testing::AnalyzeText(
      "Samsung will invest $17 billion to build a fab in Austin and Intel expands in Ohio.",
      "2026-03-02T00:00:00Z");
  const auto inv2 = OfType(y, "investment");
  REQUIRE(inv2.size() == 1);
  CHECK(Args(*inv2[0], "place") == std::vector<std::string>{"place:austin"});
}

TEST_CASE("Who reports a happening takes no part in it", "[extract][event][structure]") {
  // "compared with ... according to the Rhodium Group": the group is the
  // source, not what emissions are compared with.
  const ExtractedArticle x = testing::AnalyzeText(
      "Total emissions fell 2 percent compared with the year before, according to the Rhodium "
      "Group, a research firm.",
      "2026-03-02T00:00:00Z");
  for (const Event& e : x.events) {
    for (const EventArg& a : e.args) CHECK(a.entity_id != "org:rhodium-group");
  }
}

TEST_CASE("A place written against a currency sign is the currency's",
          "[extract][entity][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Microsoft will invest US$1 billion in carbon removal technology.", "2026-03-02T00:00:00Z");
  for (const Entity& e : x.entities) CHECK(e.type != EntityType::kPlace);
  const auto inv = OfType(x, "investment");
  REQUIRE(inv.size() == 1);
  CHECK(Args(*inv[0], "place").empty());
}

TEST_CASE("A country owning a firm noun is the firm's nationality, not an authority",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Two oligarchs, former owners of Ukraine\u2019s largest bank, loaned themselves $470 million "
      "through their shell companies.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(x, "award").empty());
  // Its ministry still acts for it.
  const ExtractedArticle y = testing::AnalyzeText(
      "China\u2019s commerce ministry imposed export curbs on gallium.", "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "trade_restriction").size() == 1);
}

TEST_CASE("To be met with something is no meeting", "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The plan has been met with resistance from lawmakers in Berlin.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(x, "visit").empty());
  const ExtractedArticle y =
      testing::AnalyzeText("Biden met with Xi in Bali on Monday.", "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "visit").size() == 1);
}

TEST_CASE("Program text tells no happening", "[extract][event][structure]") {
  // "bar" is a trade_restriction trigger and "import" its context.
  const ExtractedArticle x = testing::AnalyzeText(
      "import sys def bar(i): if i == 1: raise KeyError(1) if i == 2: raise ValueError(2) def "
      "bad(): e = None",
      "2026-03-02T00:00:00Z");
  CHECK(x.events.empty());
  // A list of firms with tickers is prose.
  const ExtractedArticle y = testing::AnalyzeText(
      "Amazon (NASDAQ: AMZN), Microsoft (NASDAQ: MSFT) and Meta (NASDAQ: META) will invest $60 "
      "billion in data centers this year.",
      "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "investment").size() == 1);
}

TEST_CASE("An activity named as a clause's subject is no happening",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Buying a domain from Squarespace is quick, simple, and fun.", "2026-03-02T00:00:00Z");
  CHECK(x.events.empty());
  const ExtractedArticle y = testing::AnalyzeText(
      "SoftBank is buying ARM Holdings for $32 billion, Recode reported.", "2026-03-02T00:00:00Z");
  CHECK(OfType(y, "order").size() == 1);
}

TEST_CASE("A firm bought is the order's target; a name fills the item once",
          "[extract][event][structure]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "SoftBank is buying ARM Holdings for $32 billion.", "2026-03-02T00:00:00Z");
  const auto orders = OfType(x, "order");
  REQUIRE(orders.size() == 1);
  CHECK(Has(Args(*orders[0], "buyer"), "org:softbank"));
  CHECK(Has(Args(*orders[0], "target"), "org:arm"));
  const ExtractedArticle y = testing::AnalyzeText(
      "Alibaba bought 10,000 H20 chips from Nvidia.", "2026-03-02T00:00:00Z");
  const auto bought = OfType(y, "order");
  REQUIRE(bought.size() == 1);
  CHECK(Args(*bought[0], "item") == std::vector<std::string>{"chip:nvidia/h20"});
}

}  // namespace
}  // namespace newsx::extract
