package org.lumbung.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.lumbung.platform.i18n.Messages;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Vaadin's translations: the ui and errors bundles, English and Bahasa Indonesia. */
@Component
public class TranslationProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(key, locale, params);
    }
}
