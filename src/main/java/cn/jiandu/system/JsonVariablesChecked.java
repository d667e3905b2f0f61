package cn.jiandu.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;
import org.springframework.stereotype.Component;

/**
 * A variable of type Json is stored only if it is JSON. Spin stores the text a REST client sends as it
 * is and parses it only when the variable is read: a malformed value was accepted, and then every read
 * of the instance's variables (Tasklist's forms, GET .../variables) failed with a 500. Checked as it is
 * written, it is refused together with the request that brought it (400, see EngineRestErrors).
 */
@Component
class JsonVariablesChecked extends AbstractProcessEnginePlugin {

    /** A Json variable whose text is not JSON; the message names the variable. */
    static final class InvalidJson extends ProcessEngineException {

        private static final long serialVersionUID = 1L;

        InvalidJson(String variable, Exception cause) {
            super("变量 " + variable + "（类型 Json）的值不是有效的 JSON" + where(cause) + "，未保存。", cause);
        }

        private static String where(Exception cause) {
            JsonProcessingException json = Causes.find(cause, JsonProcessingException.class);
            JsonLocation location = json == null ? null : json.getLocation();
            return location == null ? "" : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列附近）";
        }
    }

    /** Replaces Spin's serializer once every plugin has registered its own, in Spin's place. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        VariableSerializers serializers =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getVariableSerializers();
        for (TypedValueSerializer<?> serializer : serializers.getSerializers()) {
            if (serializer.getClass() == JsonValueSerializer.class) {
                int index = serializers.getSerializerIndex(serializer);
                serializers.removeSerializer(serializer);
                serializers.addSerializer(new CheckedJsonSerializer(), index);
                return;
            }
        }
    }

    static final class CheckedJsonSerializer extends JsonValueSerializer {

        /** Only text that arrived serialized needs the check: a value Spin serialized itself is JSON. */
        @Override
        protected void writeToValueFields(SpinValue value, ValueFields fields, byte[] serialized) {
            if (!value.isDeserialized() && serialized != null) {
                try {
                    dataFormat.getReader().readInput(
                            new InputStreamReader(new ByteArrayInputStream(serialized),
                                    Context.getProcessEngineConfiguration().getDefaultCharset()));
                } catch (RuntimeException malformed) {
                    throw new InvalidJson(fields.getName(), malformed);
                }
            }
            super.writeToValueFields(value, fields, serialized);
        }
    }
}
