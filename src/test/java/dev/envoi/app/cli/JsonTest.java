package dev.envoi.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscapedForAnyInput() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u2028é😀\"", Json.write("a\"b\\c\n\r\t\u0001\u2028é😀"));
    }

    @Test
    void objectsArraysNumbersAndNullNest() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", "x");
        map.put("n", 3);
        map.put("none", null);
        map.put("list", Arrays.asList("a", null));
        assertEquals("[{\"id\":\"x\",\"n\":3,\"none\":null,\"list\":[\"a\",null]}]", Json.write(List.of(map)));
    }
}
