// Readers' comments apart from the article (HtmlExtractOptions::comments).

#include <catch2/catch.hpp>
#include <string>

#include "html_test_util.h"
#include "newsx/extract/html_extractor.h"

namespace newsx::extract {
namespace {

// The layout most blogs share (WordPress's): the article, then a comments
// section with a count, one block per comment (author and date in a
// footer, a "Reply" link) and the reply form.
constexpr const char* kPage = R"(<html lang="en"><head><title>A walk in the hills</title></head>
<body class="post single comments-open">
<div id="page">
<article class="post">
<h1>A walk in the hills</h1>
<p>We set out before dawn and climbed the northern ridge while the valley below was still
under a blanket of fog, reaching the summit cairn a little after eight in the morning.</p>
<p>The way down followed the old drovers' road past two abandoned farms and a chapel whose
roof had fallen in long ago, and we were back at the car park by early afternoon.</p>
</article>
<div id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on "A walk in the hills"</h2>
<ol class="comment-list">
<li class="comment"><article class="comment-body">
<footer class="comment-meta"><b class="fn"><a href="https://x.example/">Ann</a></b> says:
<time>May 3, 2024</time></footer>
<div class="comment-content"><p>Lovely photos. Which map did you use for the ridge?</p></div>
<div class="reply"><a class="comment-reply-link" href="#reply">Reply</a></div>
</article></li>
<li class="comment"><article class="comment-body">
<div class="comment-content"><p>The chapel is worth the detour in spring.</p></div>
<div class="reply"><a href="#reply">Reply</a></div>
</article></li>
</ol>
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform"><label>Comment</label><textarea></textarea>
<input type="submit" value="Post Comment"></form>
</div>
</div>
</div>
</body></html>)";

Article Extract(bool comments) {
  return testing::MustExtractHtml(kPage, {.comments = comments}, "https://blog.example/walk");
}

TEST_CASE("comments are extracted apart from the article text", "[comments]") {
  const Article a = Extract(true);
  CHECK(a.comments ==
        "2 thoughts on \"A walk in the hills\"\n"
        "Lovely photos. Which map did you use for the ridge?\n"
        "The chapel is worth the detour in spring.");
  CHECK(a.text.find("Lovely photos") == std::string::npos);
  CHECK(a.text.find("We set out before dawn") == 0);
  // The article text does not depend on the option.
  const Article plain = Extract(false);
  CHECK(plain.comments.empty());
  CHECK(plain.text == a.text);
}

TEST_CASE("a page without comments gives none", "[comments]") {
  const Article a = testing::MustExtractHtml(
      "<html><body><article><p>Only the article is here, a paragraph long enough to be read "
      "as prose by the main-content scoring.</p></article></body></html>",
      {.comments = true}, "");
  CHECK(a.comments.empty());
}

}  // namespace
}  // namespace newsx::extract
