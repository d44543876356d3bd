// Conventions that decide what the name tagger's spans become: acronyms a
// document defines by common words, fragments of longer titles, a firm's
// unit, sites a firm owns, gazetteer towns named like words. Sentences
// written for these tests (not from any evaluation set).

#include <string>

#include "analyzer_test_util.h"

namespace newsx::extract {
namespace {

const Entity* ByName(const ExtractedArticle& x, const std::string& name) {
  for (const Entity& e : x.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool HasEntity(const ExtractedArticle& x, const std::string& name) {
  return ByName(x, name) != nullptr;
}

TEST_CASE("An acronym defined by common words names no entity", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "It is the largest preliminary memorandum of terms (PMT) so far. Firms may get "
      "\u201cQualified Data Center Operator\u201d (QDCO) status. The PMT was signed by Intel.",
      "");
  CHECK_FALSE(HasEntity(x, "PMT"));
  CHECK_FALSE(HasEntity(x, "QDCO"));
  CHECK(HasEntity(x, "Intel"));
}

TEST_CASE("An unlisted acronym names a firm only where the text treats it as one",
          "[extract][entity][names]") {
  // Jargon: no possessive, no speech verb, no descriptor, no definition.
  const ExtractedArticle jargon = testing::AnalyzeText(
      "The new modulators run on PQRS wafers and beat classic XVZT designs. Buyers get "
      "WKLM alerts when stock arrives.",
      "");
  CHECK_FALSE(HasEntity(jargon, "PQRS"));
  CHECK_FALSE(HasEntity(jargon, "XVZT"));
  CHECK_FALSE(HasEntity(jargon, "WKLM"));
  // The same kind of word where something acts, owns, employs or comes from it.
  const ExtractedArticle firms = testing::AnalyzeText(
      "Battery maker QWXT said on Monday it would expand. ZRBK's plant in Ohio opened. "
      "Jane Doe, former ZMPX chief economist, agreed. The startup was a spin-off from KRWNF in "
      "2019.",
      "");
  CHECK(HasEntity(firms, "QWXT"));
  CHECK(HasEntity(firms, "ZRBK"));
  CHECK(HasEntity(firms, "ZMPX"));
  CHECK(HasEntity(firms, "KRWNF"));
}

TEST_CASE("The people of a country are no person", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Americans bought more chips this year, and Germans bought fewer, Maria Lopez said.", "");
  CHECK_FALSE(HasEntity(x, "Americans"));
  CHECK_FALSE(HasEntity(x, "Germans"));
  CHECK(HasEntity(x, "Maria Lopez"));
}

TEST_CASE("A name cut short of a law's title is no entity", "[extract][entity][names]") {
  // The tagger ends the span at "Caldwell": the law is named after her, the
  // sentence does not mention her.
  const ExtractedArticle x = testing::AnalyzeText(
      "The rule carries out a section of the Mary T. Caldwell National Defense Authorization "
      "Act, which bars agencies from buying the parts.",
      "");
  for (const Entity& e : x.entities) CHECK(e.name.find("Caldwell") == std::string::npos);
}

TEST_CASE("Generic words and numbers name a period or a thing, not a firm",
          "[extract][entity][names]") {
  const ExtractedArticle x =
      testing::AnalyzeText("Spending on R&D rose in FY 2024 and again in Q3 2025, Intel said.", "");
  CHECK_FALSE(HasEntity(x, "R&D"));
  CHECK_FALSE(HasEntity(x, "FY 2024"));
  CHECK_FALSE(HasEntity(x, "Q3 2025"));
  CHECK(HasEntity(x, "Intel"));
}

TEST_CASE(
    "US and U.S., UK and U.K., straight and curly apostrophes are one spelling in listed names",
    "[extract][entity][names]") {
  // Listed as "US Treasury" and "UK government".
  const ExtractedArticle x =
      testing::AnalyzeText("The U.S. Treasury said on Monday that the U.K. government agreed.", "");
  const auto id_of = [&](const std::string& text) {
    for (const Entity& e : x.entities) {
      for (const Mention& m : e.mentions) {
        if (m.text == text) return e.id;
      }
    }
    return std::string();
  };
  CHECK(id_of("U.S. Treasury") == "org:us-treasury");
  CHECK(id_of("U.K. government") == "org:uk-government");
  // Listed with "'", typeset with U+2019.
  const ExtractedArticle curly =
      testing::AnalyzeText("The People\u2019s Republic of China said it would respond.", "");
  bool china = false;
  for (const Entity& e : curly.entities) {
    china |= e.id == "place:china" && e.mentions.size() == 1 &&
             e.mentions[0].text == "People\u2019s Republic of China";
  }
  CHECK(china);
}

TEST_CASE("A lone word ending a longer title is no name", "[extract][entity][names]") {
  // "Union" is also a town in the places gazetteer: a link entry does not
  // make a title's last word a place.
  const ExtractedArticle x = testing::AnalyzeText(
      "The president repeated the plan he laid out in his State of the Union, in Phoenix.", "");
  CHECK_FALSE(HasEntity(x, "Union"));
  CHECK(HasEntity(x, "Phoenix"));
}

TEST_CASE("A firm's unit named after it is one organization", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The department announced $35 million for BAE Systems Electronic Systems to modernize "
      "the company's Microelectronics Center in Nashua.",
      "");
  CHECK(HasEntity(x, "BAE Systems Electronic Systems"));
  CHECK_FALSE(HasEntity(x, "Electronic Systems"));
  // The center is a site the company owns, not an organization.
  const Entity* center = ByName(x, "Microelectronics Center");
  CHECK((center == nullptr || center->type != EntityType::kOrg));
}

TEST_CASE("A lone surname is the document's person of that name", "[extract][entity][names]") {
  // "Lopez" is also a town in the places gazetteer; the tagger may call the
  // lone word a place.
  const ExtractedArticle x = testing::AnalyzeText(
      "Feliciano Lopez won the match in Madrid on Friday. Lopez said he was tired, and "
      "later Lopez left for Barcelona.",
      "");
  CHECK_FALSE(HasEntity(x, "Lopez"));
  const Entity* lopez = ByName(x, "Feliciano Lopez");
  REQUIRE(lopez != nullptr);
  CHECK(lopez->mentions.size() == 3);
}

TEST_CASE("A title inside a person's span is not part of the name", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Shares rose after Disney Chief Executive Bob Iger spoke to analysts in Burbank.", "");
  CHECK(HasEntity(x, "Bob Iger"));
  CHECK_FALSE(HasEntity(x, "Disney Chief Executive Bob Iger"));
}

TEST_CASE("User names are no persons", "[extract][entity][names]") {
  // A handle may name a firm ("@Nvidia"); as a person it is a user name.
  const ExtractedArticle x =
      testing::AnalyzeText("Follow @MattBevin on Twitter for more, said Matt Bevin.", "");
  const Entity* handle = ByName(x, "MattBevin");
  CHECK((handle == nullptr || handle->type != EntityType::kPerson));
  CHECK(HasEntity(x, "Matt Bevin"));
}

TEST_CASE("The first words of a firm's longer name stand for it, also in a headline",
          "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Zorvex Digital Makes AI Push With $30 Million Chip Investment\n\n"
      "Zorvex Digital Technologies said on Monday it would buy chips for its data centers in "
      "Quebec.",
      "2026-03-02T00:00:00Z");
  const Entity* firm = ByName(x, "Zorvex Digital Technologies");
  REQUIRE(firm != nullptr);
  REQUIRE(firm->mentions.size() == 2);
  CHECK(firm->mentions[0].text == "Zorvex Digital");
  // The headline's investment is the firm's, the subject of "makes".
  bool invested = false;
  for (const Event& e : x.events) {
    for (const EventArg& a : e.args) {
      invested |= e.type == "investment" && a.role == "investor" && a.entity_id == firm->id;
    }
  }
  CHECK(invested);
}

TEST_CASE("A title ending a span and a named framework or project are no organization",
          "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Maria Ortega, Finance Professor, Stanford University, praised the Atlantic Digital "
      "Framework for Growth. The money goes to Project Halcyon and Operation Bluefin.",
      "");
  CHECK_FALSE(HasEntity(x, "Finance Professor"));
  CHECK(HasEntity(x, "Stanford University"));
  CHECK_FALSE(HasEntity(x, "Atlantic Digital Framework for Growth"));
  CHECK_FALSE(HasEntity(x, "Halcyon"));
  CHECK_FALSE(HasEntity(x, "Bluefin"));
}

TEST_CASE("A postal code after a town names its state, and the town is a city there",
          "[extract][entity][names]") {
  // "Mill" is a common word, "ID" an acronym, and "supports" follows the code.
  const ExtractedArticle x =
      testing::AnalyzeText("The plants in Mill, NY and Boise, ID supports about 900 jobs.", "");
  CHECK(testing::FindEntity(x, "place:new-york") != nullptr);
  CHECK(testing::FindEntity(x, "place:idaho") != nullptr);
  CHECK(testing::FindEntity(x, "place:mill-new-york") != nullptr);
  CHECK(testing::FindEntity(x, "place:ny") == nullptr);
}

TEST_CASE("World regions are places", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Demand grew in the Indo-Pacific, Latin America and Sub-Saharan Africa.", "");
  CHECK(testing::FindEntity(x, "place:indo-pacific") != nullptr);
  CHECK(testing::FindEntity(x, "place:latin-america") != nullptr);
  CHECK(testing::FindEntity(x, "place:sub-saharan-africa") != nullptr);
}

TEST_CASE("A hyphenated term defines its acronym, and cryptocurrencies are no firm",
          "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "The sensor uses Silicon-Carbide Nano Ribbon (SCNR) layers. SCNR layers cut losses. "
      "Vexa Labs said it mines Bitcoin and Ethereum in Norway.",
      "");
  CHECK_FALSE(HasEntity(x, "SCNR"));
  CHECK_FALSE(HasEntity(x, "Bitcoin"));
  CHECK_FALSE(HasEntity(x, "Ethereum"));
  CHECK(HasEntity(x, "Vexa Labs"));
}

TEST_CASE("The document's definition of a name decides its type", "[extract][entity][names]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "By Ann Reyes, Quorvale\n\nQuorvale is a leading financial news and data provider. "
      "Readers of Quorvale get alerts. Tom Lind, a former company director, said so.",
      "");
  const Entity* firm = ByName(x, "Quorvale");
  REQUIRE(firm != nullptr);
  CHECK(firm->type == EntityType::kOrg);
  const Entity* person = ByName(x, "Tom Lind");
  REQUIRE(person != nullptr);
  CHECK(person->type == EntityType::kPerson);
}

TEST_CASE("A firm the text introduces as one is a firm wherever its name stands",
          "[extract][entity][names]") {
  // Names the tagger need not know: an apposition, "is headquartered in",
  // a firm officer's title before a person.
  const ExtractedArticle x = testing::AnalyzeText(
      "Z.ORB, a photonic computing company, opened a line for the start of its production. "
      "Velqar is headquartered in Lyon and has a plant there. Z.ORB CEO Mara Tillit spoke of the "
      "plans that were made with the help of the state. The first chips of Z.ORB sold out. "
      "Treasury Secretary Dan Orlow agreed with the plan.",
      "");
  const Entity* zorb = ByName(x, "Z.ORB");
  REQUIRE(zorb != nullptr);
  CHECK(zorb->type == EntityType::kOrg);
  CHECK(zorb->mentions.size() == 3);
  const Entity* velqar = ByName(x, "Velqar");
  REQUIRE(velqar != nullptr);
  CHECK(velqar->type == EntityType::kOrg);
  // A government officer's title names no firm.
  CHECK_FALSE(HasEntity(x, "Treasury"));
}

TEST_CASE("A firm's Processing Unit family is its chip", "[extract][entity][chips]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Z.ORB is headquartered in Lyon. It will ship Z.ORB's photonic Lumen Processing Units "
      "to the first of its customers this year. Rivals of the firm sell Graphics Processing Units "
      "that are made with the same process.",
      "");
  const Entity* chip = ByName(x, "Z.ORB Lumen Processing Unit");
  REQUIRE(chip != nullptr);
  CHECK(chip->type == EntityType::kChip);
  CHECK(chip->vendor == "org:z-orb");
  // No maker: a kind of chip, not a product.
  for (const Entity& e : x.entities) {
    if (e.type == EntityType::kChip) CHECK(e.name.find("Graphics") == std::string::npos);
  }
}

TEST_CASE("An acronym's definition is all its words", "[extract][entity][names]") {
  // The acronym spells only the words before a "for" tail: a framework,
  // not a firm.
  const ExtractedArticle framework = testing::AnalyzeText(
      "The Indo-Pacific Trade Compact for Growth (IPTC) will meet. The IPTC partners agreed to "
      "the terms of the pact that was made with the help of the region's leaders.",
      "");
  CHECK_FALSE(HasEntity(framework, "IPTC"));
  // A place among the defining words is part of the name.
  const ExtractedArticle x = testing::AnalyzeText(
      "Statement of North America\u2019s Glass Workers Unions (NAGWU): the union welcomed the "
      "deal that was made with the state. NAGWU said it would help the workers of the plant.",
      "");
  CHECK_FALSE(HasEntity(x, "North America"));
  const Entity* unions = ByName(x, "North America\u2019s Glass Workers Unions");
  REQUIRE(unions != nullptr);
  CHECK(unions->type == EntityType::kOrg);
  CHECK(unions->mentions.size() >= 2);
}

TEST_CASE("A listed acronym the document defines otherwise is the document's",
          "[extract][entity][names]") {
  const ExtractedArticle other = testing::AnalyzeText(
      "Packs must meet the Battery Isolation Standard (BIS) by May. BIS tests take a week.", "");
  CHECK(testing::FindEntity(other, "org:bis") == nullptr);
  const ExtractedArticle listed = testing::AnalyzeText(
      "The Bureau of Industry and Security (BIS) added firms. BIS said more would follow.", "");
  CHECK(testing::FindEntity(listed, "org:bis") != nullptr);
}

TEST_CASE("A name keeps one type in a document across the tagger and the rules",
          "[extract][entity][names]") {
  // The speech-verb rule makes persons of unknown two-word names; a firm
  // the document named so stays that firm.
  const ExtractedArticle x = testing::AnalyzeText(
      "Growth may slow, said a report from Mehra Institutional Equities.\n\nRates are high, "
      "said Mehra Institutional Equities.\n\n\"A recovery could disappoint the market,\" "
      "Mehra Institutional Equities said.",
      "");
  const Entity* firm = ByName(x, "Mehra Institutional Equities");
  REQUIRE(firm != nullptr);
  CHECK(firm->type == EntityType::kOrg);
  CHECK(firm->mentions.size() == 3);
  CHECK(testing::FindEntity(x, "person:mehra-institutional-equities") == nullptr);
}

TEST_CASE("A name the tagger reads as often one way as another is still one entity",
          "[extract][entity][names]") {
  // The tagger reads "Plex" twice as a place and twice as a firm here; a
  // tie went each span its own way, making two entities of one name.
  const ExtractedArticle x = testing::AnalyzeText(
      "Disney Plus is now live. Sign up for the Disney +, Plex, and ESPN+ Package and save $5 a "
      "month.\n\nNote: The bundle includes Plex with limited commercials. If you want ad-free "
      "Plex, you will have the option of signing up for ad-free Plex as part of the package.",
      "");
  int plex = 0;
  for (const Entity& e : x.entities) plex += e.name == "Plex";
  CHECK(plex == 1);
  CHECK(testing::FindEntity(x, "org:plex") != nullptr);
}

TEST_CASE("A firm's first word alone is the firm, not another one", "[extract][entity][names]") {
  // The tagger finds the lone "KVX" as a name of its own; the body's full
  // name, the word and a company word, says whose it is.
  const ExtractedArticle x = testing::AnalyzeText(
      "NORTON, Mass., Oct. 2, 2026 (GLOBE NEWSWIRE) \u2014 KVX Technologies Corp. (NASDAQ: KVXT) "
      "today announced a contract valued at $9 million. Under the terms of the agreement, KVX "
      "will deliver ceramic substrates over a year.\n\n\"We are pleased,\" said Ann Lee, CEO of "
      "KVX.",
      "");
  CHECK_FALSE(HasEntity(x, "KVX"));
  const Entity* firm = ByName(x, "KVX Technologies");
  REQUIRE(firm != nullptr);
  CHECK(firm->mentions.size() >= 3);
}

}  // namespace
}  // namespace newsx::extract
