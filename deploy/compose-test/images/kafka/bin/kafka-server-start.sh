#!/bin/bash
# kafka-server-start.sh server.properties: the broker, logging at INFO to stdout.
export PARLEY_KAFKA_TOOL_LEVEL=INFO
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1g -Xms1g}
exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$@"
