package org.jiefen.confirmation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiefen.confirmation.courts}: the name of the basic people's court for a county-level unit
 * code, e.g. {@code 440306000000: 深圳市宝安区人民法院}. A unit without an entry gets its own name
 * followed by 人民法院.
 */
@ConfigurationProperties("jiefen.confirmation")
public record ConfirmationSettings(@DefaultValue Map<String, String> courts) {}
