package org.jiefen.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTokenTest {

  static final List<String> SHOWN = List.of("MD-20260101-AB2CD", "XF-20260101-ZZ9Y8");

  static String raw(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** FieldValue has no equals: the tokens compared by their parts and sort values' contents. */
  static void assertRoundTrips(PageToken token) {
    PageToken back = PageToken.decode(token.encode(), token.mode());
    assertThat(back).isNotNull();
    assertThat(back.mode()).isEqualTo(token.mode());
    assertThat(back.pit()).isEqualTo(token.pit());
    assertThat(back.shown()).isEqualTo(token.shown());
    assertThat(back.after().stream().map(FieldValue::_get).toList())
        .isEqualTo(token.after().stream().map(FieldValue::_get).toList());
  }

  @Test
  void eachKindOfPageRoundTrips() {
    PageToken second = new PageToken(PageToken.RELEVANCE, null, null, SHOWN);
    assertRoundTrips(second);

    PageToken inPit = new PageToken(PageToken.RELEVANCE, List.of(FieldValue.of(3.25), FieldValue.of(4_294_967_301L)),
        "pit-id==", SHOWN);
    assertRoundTrips(inPit);

    PageToken live = new PageToken(PageToken.RELEVANCE, List.of(FieldValue.of(3.25), FieldValue.of("MD-1")), null, SHOWN);
    assertRoundTrips(live);

    PageToken newest = new PageToken(PageToken.NEWEST, List.of(FieldValue.of(1_767_225_600_000L), FieldValue.of("MD-1")),
        null, null);
    assertRoundTrips(newest);
  }

  @Test
  void aTokenOfAnotherKindOfSearchOrAForgedOneIsRefused() {
    PageToken second = new PageToken(PageToken.RELEVANCE, null, null, SHOWN);
    assertThat(PageToken.decode(second.encode(), PageToken.NEWEST)).isNull();
    for (String forged : List.of(
        "{\"m\":\"r\"}", // a later relevance page without the first page's ids
        "{\"m\":\"r\",\"x\":[\"MD-1\"],\"p\":\"pit\"}", // a point in time but no position in it
        "{\"m\":\"r\",\"x\":[\"MD-1\"],\"p\":\"pit\",\"v\":[1.0,\"MD-1\"]}", // a point in time breaks ties by shard doc
        "{\"m\":\"r\",\"x\":[\"MD-1\"],\"v\":[1.0,7]}", // the live index breaks ties by id
        "{\"m\":\"r\",\"x\":[\"MD 1; drop\"]}",
        "{\"m\":\"r\",\"x\":[7]}",
        "{\"m\":\"r\",\"x\":" + List.copyOf(Collections.nCopies(CaseSearch.MAX_SIZE + 1, "\"MD-1\"")) + "}",
        "{\"m\":\"c\",\"v\":[1.5,\"MD-1\"]}",
        "{\"m\":\"c\",\"v\":[1,\"MD-1\"],\"x\":[\"MD-1\"]}",
        "{\"m\":\"c\",\"v\":[1,\"MD-1\"],\"p\":\"pit\"}",
        "{\"m\":\"c\",\"v\":[1,\"MD-1\",3]}",
        "[]", "42")) {
      String mode = forged.contains("\"c\"") ? PageToken.NEWEST : PageToken.RELEVANCE;
      assertThat(PageToken.decode(raw(forged), mode)).as(forged).isNull();
    }
    assertThat(PageToken.decode("!!", PageToken.RELEVANCE)).isNull();
    assertThat(PageToken.decode("", PageToken.RELEVANCE)).isNull();
  }
}
