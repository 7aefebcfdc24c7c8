#!/bin/bash
# Runs a Kafka main class with the image's jars, honouring KAFKA_HEAP_OPTS and KAFKA_OPTS as
# the distribution's script of the same name does.
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml -Dparley.kafka.level="${PARLEY_KAFKA_TOOL_LEVEL:-WARN}" \
  ${KAFKA_OPTS:-} -cp '/opt/kafka/libs/*' "$@"
