package org.lumbung.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The JSON the API reads is strict: a body is one JSON value and nothing after it, a key appears once, a
 * field has the JSON type it is documented with (no number read as a text, no text "true" read as a flag, no
 * number read as a side), a side is exactly {@code "DEBIT"} or {@code "CREDIT"}, a date exactly
 * {@code "YYYY-MM-DD"}, and no text carries a NUL character or half of a surrogate pair (PostgreSQL refuses
 * the first, the second is not Unicode). Anything else is a 400 problem before a service sees it.
 *
 * <p>Only the HTTP message converter reads this way; the application's own {@link ObjectMapper} (sample
 * data) keeps Spring Boot's settings.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /** Longer than any amount or id the API knows; a number this long is refused before it is parsed. */
    static final int MAX_NUMBER_LENGTH = 40;
    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_NESTING_DEPTH = 16;

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper applicationMapper) {
        return new MappingJackson2HttpMessageConverter(strict(applicationMapper));
    }

    /** A strict copy of the given mapper: same modules and output, strict input. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType scalar : new LogicalType[]{LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(strictScalars());
        return mapper;
    }

    private static SimpleModule strictScalars() {
        SimpleModule module = new SimpleModule("lumbung-strict-input");
        module.addDeserializer(String.class, new StrictText());
        module.addDeserializer(LocalDate.class, new StrictDate());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new StrictEnum(type.getRawClass());
            }
        });
        return module;
    }

    /** A JSON string only, without NUL and without a lone surrogate. */
    static final class StrictText extends StdScalarDeserializer<String> {
        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (!isClean(text)) {
                return (String) ctxt.handleWeirdStringValue(String.class, "NUL or an unpaired surrogate",
                        "text may not contain NUL or an unpaired surrogate");
            }
            return text;
        }

        static boolean isClean(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Exactly {@code "YYYY-MM-DD"}: no array, no number of days, no time of day, no spaces. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, "", "a date is YYYY-MM-DD");
        }
    }

    /** A JSON string equal to a constant's name: no number, no spaces, no other case. */
    static final class StrictEnum extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        StrictEnum(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String name = p.getText();
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(name)) {
                        return constant;
                    }
                }
                return ctxt.handleWeirdStringValue(type, "", "not one of the allowed values");
            }
            return ctxt.handleUnexpectedToken(type, p);
        }
    }
}
