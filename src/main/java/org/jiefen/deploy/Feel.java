package org.jiefen.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import scala.Option;

/**
 * FEEL as the deploy rules need it: evaluating an expression of a model with every variable it
 * names bound by a function (the engine asks for each name as it meets it), and the names an
 * expression mentions. Uses the FEEL engine the Zeebe engine runs.
 */
final class Feel {

  /** An expression the engine cannot parse or evaluate; the message is the engine's. */
  static final class FeelException extends RuntimeException {
    FeelException(String message) {
      super(message);
    }
  }

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Feel() {}

  /** Whether a model attribute holds an expression rather than a static value. */
  static boolean isExpression(String value) {
    return value != null && value.strip().startsWith("=");
  }

  /** The text after the leading {@code =}, if any. */
  static String body(String value) {
    String v = value.strip();
    return v.startsWith("=") ? v.substring(1).strip() : v;
  }

  /**
   * Evaluates {@code expression} (with or without the leading {@code =}); every variable it reads
   * gets {@code variables.apply(name)}. Java values come back: strings, {@code java.util.List},
   * {@code java.time.Duration}, ...
   *
   * @throws FeelException when the expression does not parse or fails
   */
  static Object evaluate(String expression, Function<String, Object> variables) {
    EvaluationResult result = ENGINE.evaluateExpression(body(expression), new AnyVariables(variables));
    if (!result.isSuccess()) {
      throw new FeelException(result.failure().message());
    }
    return result.result();
  }

  /** The names an expression mentions outside its string literals: variables, functions, keywords. */
  static Set<String> names(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME.matcher(STRING.matcher(body(expression)).replaceAll(" "));
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  private record AnyVariables(Function<String, Object> values) implements Context, VariableProvider {

    @Override
    public VariableProvider variableProvider() {
      return this;
    }

    @Override
    public FunctionProvider functionProvider() {
      return FunctionProvider.EmptyFunctionProvider$.MODULE$;
    }

    @Override
    public Option<Object> getVariable(String name) {
      return Option.apply(values.apply(name));
    }

    @Override
    public scala.collection.Iterable<String> keys() {
      return scala.collection.immutable.List$.MODULE$.empty();
    }
  }
}
