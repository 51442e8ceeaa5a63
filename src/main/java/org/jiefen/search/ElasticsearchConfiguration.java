package org.jiefen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our own client beans. Spring Boot's Elasticsearch auto-configuration backs off because these beans exist
 * (it is conditional on a missing RestClient / ElasticsearchTransport), and application.yml points its
 * properties at our URL in case anything else reads them.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

  /** In local mode the node is started (or found) before the first byte is sent. */
  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(ElasticsearchProperties properties, ObjectProvider<LocalElasticsearch> local) {
    local.ifAvailable(LocalElasticsearch::start);
    return restClient(properties);
  }

  @Bean
  ElasticsearchTransport elasticsearchTransport(RestClient elasticsearchRestClient) {
    return transport(elasticsearchRestClient);
  }

  @Bean
  ElasticsearchClient elasticsearchClient(ElasticsearchTransport elasticsearchTransport) {
    return new ElasticsearchClient(elasticsearchTransport);
  }

  static RestClient restClient(ElasticsearchProperties properties) {
    var builder = RestClient.builder(HttpHost.create(properties.url()))
        .setRequestConfigCallback(request -> request.setConnectTimeout(5_000).setSocketTimeout(60_000));
    if (properties.username() != null && !properties.username().isBlank()) {
      var credentials = new BasicCredentialsProvider();
      credentials.setCredentials(AuthScope.ANY,
          new UsernamePasswordCredentials(properties.username(), properties.password()));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    return builder.build();
  }

  static ElasticsearchTransport transport(RestClient restClient) {
    return new RestClientTransport(restClient, new JacksonJsonpMapper(documentMapper()));
  }

  /** ISO-8601 dates, no nulls, and tolerant of fields a newer version of the app added to a document. */
  static JsonMapper documentMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
